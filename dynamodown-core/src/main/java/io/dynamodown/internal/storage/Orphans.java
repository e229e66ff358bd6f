package io.dynamodown.internal.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.internal.layout.ChunkLayout;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.value.Manifest;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Finds and removes orphaned chunks: chunk items that no key's item names, left behind by
 * a write that failed or stopped between its chunks and its commit, by a removal of
 * replaced chunks that failed, or by batch writes (which do not hand back what they
 * replace). It reads the chunk space of the hash key up to the generations begun
 * {@code minAge} ago (younger ones may belong to a write in progress), reads the item of
 * each chunk's owning key, and deletes the chunks of every generation that item does not
 * name.
 */
final class Orphans {

	private final Chunks chunks;

	private final StoredValues values;

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final ExpiryClock clock;

	Orphans(StoredValues values, RequestRunner runner, ItemRequests requests, ExpiryClock clock) {
		this.chunks = values.chunks();
		this.values = values;
		this.runner = runner;
		this.requests = requests;
		this.clock = clock;
	}

	/**
	 * Removes the orphaned chunks begun at least {@code minAge} ago.
	 * @param minAge the youngest generation looked at
	 * @return the number of chunk items removed
	 */
	long remove(Duration minAge) {
		ChunkLayout layout = this.chunks.layout();
		SortKeyRange range = new SortKeyRange(new KeyBound(new byte[] { ChunkLayout.FORMAT_BYTE }, true),
				new KeyBound(ChunkLayout.sortKeyBefore(this.clock.millis() - minAge.toMillis() + 1), false), false);
		Map<ByteKey, @Nullable Manifest> owners = new HashMap<>();
		long removed = 0;
		@Nullable Map<String, AttributeValue> start = null;
		do {
			QueryResponse page = this.runner.run(Operation.QUERY,
					this.requests.query(range, false, 0, ItemRequests.Projection.FORMS, start, null));
			List<WriteRequest> deletes = new ArrayList<>();
			for (Map<String, AttributeValue> item : page.items()) {
				ChunkLayout.ChunkId id = layout.idOf(item);
				if (id == null) {
					continue;
				}
				ByteKey owner = new ByteKey(id.owner());
				Manifest current = owners.computeIfAbsent(owner, this::manifestOf);
				if (current == null || !Arrays.equals(current.generation(), id.generation())) {
					deletes.add(this.requests.deleteRequest(layout.primaryKey(id.generation(), id.index())));
				}
			}
			if (!deletes.isEmpty()) {
				this.chunks.writeAll("repair", deletes);
				removed += deletes.size();
			}
			start = ItemRequests.lastEvaluatedKey(page);
		}
		while (start != null);
		return removed;
	}

	private @Nullable Manifest manifestOf(ByteKey owner) {
		return this.values
			.manifestOf(this.runner.run(Operation.GET_ITEM, this.requests.get(owner.bytes(), true)).item());
	}

}
