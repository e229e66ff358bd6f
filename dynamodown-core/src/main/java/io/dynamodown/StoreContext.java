package io.dynamodown;

import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.store.StoreEngine;

/**
 * What every view of one open store shares: its state, threads and guard, its entry point
 * into the internals, and what its iterators read with.
 *
 * @param lifecycle the open/closed state, the store's threads and the guard of every
 * operation
 * @param engine the operations of views
 * @param storage what iterators read pages from
 * @param readAhead whether iterators fetch the next page while the current one is read
 * @param observer observes each page an iterator reads
 */
record StoreContext(StoreLifecycle lifecycle, StoreEngine engine, DynamoStorage storage, boolean readAhead,
		OperationObserver observer) {

}
