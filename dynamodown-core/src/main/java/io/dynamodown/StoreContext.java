package io.dynamodown;

import io.dynamodown.internal.changes.ChangeFeed;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.table.TableManager;

/**
 * What every view of one open store shares: its state and threads, its storage, its key
 * layout, whether iterators read ahead, and its change feed.
 *
 * @param lifecycle the open/closed state and the store's threads
 * @param storage the DynamoDB side
 * @param status asks for the table's status, in one attempt
 * @param layout how keys map to items, to size them before any request
 * @param readAhead whether iterators fetch the next page while the current one is read
 * @param observer observes each operation
 * @param feed the change feed, closed with the store
 */
record StoreContext(StoreLifecycle lifecycle, DynamoStorage storage, TableManager status, KeyLayout layout,
		boolean readAhead, OperationObserver observer, ChangeFeed feed) {

}
