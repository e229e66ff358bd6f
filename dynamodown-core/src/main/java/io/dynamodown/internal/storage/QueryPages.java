package io.dynamodown.internal.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The pages of one planned range in one shard of a database: each page is one
 * {@code Query}, its items decoded into keys (less the view's prefix) and values (or,
 * when forms are read, the form of each item in place of its value: empty when it has
 * none). Unless asked for every item, DynamoDB filters out the items expired at the
 * second each page is read; such a page may hold fewer items than its {@code Limit}, or
 * none, and still have a next. Values are read back through {@link StoredValues}:
 * decompressed, and read from their chunks when large (a key deleted meanwhile is left
 * out of the page). A page whose large values together pass the store's read budget is
 * cut after the item that reaches it (at least one item), and continues from there, so a
 * page holds at most one budget of them.
 */
final class QueryPages implements PageSource {

	private static final byte[] EMPTY = new byte[0];

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final KeyLayout layout;

	private final StoredValues values;

	private final int shard;

	private final SortKeyRange range;

	private final boolean reverse;

	private final ItemRequests.Projection projection;

	private final int prefixLength;

	private final @Nullable ExpiryClock liveBy;

	private final @Nullable MalformedItems skipped;

	QueryPages(RequestRunner runner, ItemRequests requests, KeyLayout layout, StoredValues values, int shard,
			SortKeyRange range, boolean reverse, ItemRequests.Projection projection, int prefixLength,
			@Nullable ExpiryClock liveBy, @Nullable MalformedItems skipped) {
		this.runner = runner;
		this.requests = requests;
		this.layout = layout;
		this.values = values;
		this.shard = shard;
		this.range = range;
		this.reverse = reverse;
		this.projection = projection;
		this.prefixLength = prefixLength;
		this.liveBy = liveBy;
		this.skipped = skipped;
	}

	@Override
	public Page fetch(@Nullable Continuation from, int limit) {
		QueryResponse response = this.runner.run(Operation.QUERY,
				this.requests.query(this.shard, this.range, this.reverse, limit, this.projection,
						(from != null) ? from.startKey() : null, (this.liveBy != null) ? this.liveBy.now() : null));
		List<Map<String, AttributeValue>> items = response.items();
		Map<String, AttributeValue> next = ItemRequests.lastEvaluatedKey(response);
		if (this.projection == ItemRequests.Projection.ITEMS) {
			int kept = this.values.withinReadBudget(items);
			if (kept < items.size()) {
				items = items.subList(0, kept);
				next = primaryKeyOf(items.get(kept - 1));
			}
		}
		List<byte @Nullable []> read = (this.projection == ItemRequests.Projection.ITEMS) ? this.values.valuesOf(items)
				: null;
		List<byte[]> keys = new ArrayList<>(items.size());
		List<byte[]> values = new ArrayList<>(items.size());
		List<@Nullable Long> expiries = new ArrayList<>((read != null) ? items.size() : 0);
		for (int i = 0; i < items.size(); i++) {
			byte[] value = (read != null) ? read.get(i) : otherThanValue(items.get(i));
			if (value != null) {
				keys.add(this.layout.keyOf(items.get(i), this.prefixLength));
				values.add(value);
				if (read != null) {
					expiries.add(this.layout.expiresAtOf(items.get(i)));
				}
			}
		}
		return new Page(keys, values, expiries, (next != null) ? new Continuation(next) : null);
	}

	private byte[] otherThanValue(Map<String, AttributeValue> item) {
		if (this.projection != ItemRequests.Projection.FORMS) {
			return EMPTY;
		}
		try {
			byte[] form = this.layout.formOf(item);
			return (form != null) ? form : EMPTY;
		}
		catch (StoreFailure ex) {
			if (this.skipped != null) {
				this.skipped.skipped(this.layout.keyOf(item), ex.getMessage());
			}
			return EMPTY;
		}
	}

	private Map<String, AttributeValue> primaryKeyOf(Map<String, AttributeValue> item) {
		Map<String, AttributeValue> key = new HashMap<>(4);
		key.put(this.layout.names().hashKey(), item.get(this.layout.names().hashKey()));
		key.put(this.layout.names().sortKey(), item.get(this.layout.names().sortKey()));
		return key;
	}

}
