package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The pages of one planned range of one hash key: each page is one {@code Query}, its
 * items decoded into keys (less the view's prefix) and values. Unless asked for every
 * item, DynamoDB filters out the items expired at the second each page is read; such a
 * page may hold fewer items than its {@code Limit}, or none, and still have a next.
 */
final class QueryPages implements PageSource {

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final KeyLayout layout;

	private final SortKeyRange range;

	private final boolean reverse;

	private final ItemRequests.Projection projection;

	private final int prefixLength;

	private final @Nullable ExpiryClock liveBy;

	QueryPages(RequestRunner runner, ItemRequests requests, KeyLayout layout, SortKeyRange range, boolean reverse,
			boolean keysOnly, int prefixLength, @Nullable ExpiryClock liveBy) {
		this.runner = runner;
		this.requests = requests;
		this.layout = layout;
		this.range = range;
		this.reverse = reverse;
		this.projection = keysOnly ? ItemRequests.Projection.KEYS : ItemRequests.Projection.ITEMS;
		this.prefixLength = prefixLength;
		this.liveBy = liveBy;
	}

	@Override
	public Page fetch(@Nullable Continuation from, int limit) {
		QueryResponse response = this.runner.run(Operation.QUERY,
				this.requests.query(this.range, this.reverse, limit, this.projection,
						(from != null) ? from.startKey() : null, (this.liveBy != null) ? this.liveBy.now() : null));
		List<byte[]> keys = new ArrayList<>(response.items().size());
		List<byte[]> values = new ArrayList<>(response.items().size());
		for (Map<String, AttributeValue> item : response.items()) {
			keys.add(this.layout.keyOf(item, this.prefixLength));
			values.add(this.layout.valueOf(item));
		}
		Map<String, AttributeValue> next = ItemRequests.lastEvaluatedKey(response);
		return new Page(keys, values, (next != null) ? new Continuation(next) : null);
	}

}
