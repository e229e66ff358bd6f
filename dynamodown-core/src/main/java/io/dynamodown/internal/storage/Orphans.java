package io.dynamodown.internal.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.internal.layout.ChunkLayout;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.request.Operation;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.value.Manifest;
import io.dynamodown.internal.value.StoredForms;
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

	private final RequestRunner runner;

	private final ItemRequests requests;

	private final ExpiryClock clock;

	private final Consumer<IntConsumer> forEachShard;

	Orphans(StoredValues values, RequestRunner runner, ItemRequests requests, ExpiryClock clock,
			Consumer<IntConsumer> forEachShard) {
		this.chunks = values.chunks();
		this.runner = runner;
		this.requests = requests;
		this.clock = clock;
		this.forEachShard = forEachShard;
	}

	/**
	 * Removes the orphaned chunks begun at least {@code minAge} ago. An item of the chunk
	 * space that is not a chunk of this format (or whose owning key belongs to another
	 * shard), and the chunks of a key whose item cannot be read, are skipped and
	 * reported, never deleted; the rest is done.
	 * @param minAge the youngest generation looked at
	 * @return the number of chunk items removed
	 */
	long remove(Duration minAge) {
		MalformedItems skipped = new MalformedItems("repair", this.runner);
		long before = this.clock.millis() - minAge.toMillis() + 1;
		LongAdder removed = new LongAdder();
		try {
			this.forEachShard.accept((shard) -> removed.add(remove(shard, before, skipped)));
			return removed.sum();
		}
		finally {
			skipped.logSummary(this.chunks.layout().keys().table());
		}
	}

	private long remove(int shard, long beforeMillis, MalformedItems skipped) {
		ChunkLayout layout = this.chunks.layout();
		SortKeyRange range = new SortKeyRange(new KeyBound(new byte[] { ChunkLayout.FORMAT_BYTE }, true),
				new KeyBound(ChunkLayout.sortKeyBefore(beforeMillis), false), false);
		Map<ByteKey, Owner> owners = new HashMap<>();
		long removed = 0;
		@Nullable Map<String, AttributeValue> start = null;
		do {
			QueryResponse page = this.runner.run(Operation.QUERY,
					this.requests.query(shard, range, false, 0, ItemRequests.Projection.FORMS, start, null));
			List<WriteRequest> deletes = new ArrayList<>();
			for (Map<String, AttributeValue> item : page.items()) {
				ChunkLayout.ChunkId id = layout.idOf(item);
				if (id == null) {
					skipped.skipped(sortKeyOf(item), "an item of the chunk space that is not a chunk of this version"
							+ " (its form is missing, not binary, or names an owner longer than a key)");
					continue;
				}
				if (layout.keys().shardOf(id.owner()) != shard) {
					skipped.skipped(id.owner(), "a chunk on shard " + shard + " of a key of shard "
							+ layout.keys().shardOf(id.owner()) + " (written with another shard count)");
					continue;
				}
				Owner owner = owners.computeIfAbsent(new ByteKey(id.owner()), (key) -> ownerOf(key, skipped));
				Manifest named = owner.manifest();
				if (owner.readable() && (named == null || !Arrays.equals(named.generation(), id.generation()))) {
					deletes
						.add(this.requests.deleteRequest(layout.primaryKey(id.owner(), id.generation(), id.index())));
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

	private byte[] sortKeyOf(Map<String, AttributeValue> item) {
		AttributeValue sortKey = item.get(this.chunks.layout().keys().names().sortKey());
		return (sortKey != null && sortKey.b() != null) ? sortKey.b().asByteArray() : new byte[0];
	}

	private Owner ownerOf(ByteKey owner, MalformedItems skipped) {
		Map<String, AttributeValue> item = this.runner.run(Operation.GET_ITEM, this.requests.get(owner.bytes(), true))
			.item();
		if (item == null || item.isEmpty()) {
			return new Owner(true, null);
		}
		try {
			byte[] form = this.chunks.layout().keys().formOf(item);
			if (form == null || form.length == 0 || form[0] != StoredForms.MANIFEST) {
				return new Owner(true, null);
			}
			return new Owner(true,
					Manifest.decode(owner.bytes(), this.chunks.layout().keys().names().form(), form, Long.MAX_VALUE));
		}
		catch (StoreFailure ex) {
			skipped.skipped(owner.bytes(), "its item cannot be read, so its chunks were kept: " + ex.getMessage());
			return new Owner(false, null);
		}
	}

	/**
	 * What the item of a chunk's owning key says.
	 *
	 * @param readable whether its form could be read (else its chunks are kept)
	 * @param manifest the manifest it names, or {@code null} for none
	 */
	private record Owner(boolean readable, @Nullable Manifest manifest) {

	}

}
