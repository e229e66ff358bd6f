package io.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.limit.Limits;

/**
 * Plans batches into requests, without sending any: collapses repeated keys (the last
 * write wins, as in LevelDB) and checks an atomic batch against one transaction's limits.
 */
public final class BatchPlanner {

	private BatchPlanner() {
	}

	/**
	 * Collapses repeated keys, keeping the last write of each key at the place of its
	 * first.
	 * @param writes the writes in the order they were added
	 * @return one write per distinct key
	 */
	public static List<WriteOp> collapse(List<WriteOp> writes) {
		Map<ByteKey, WriteOp> byKey = new LinkedHashMap<>();
		for (WriteOp write : writes) {
			byKey.put(new ByteKey(write.key()), write);
		}
		return new ArrayList<>(byKey.values());
	}

	/**
	 * Whether any write carries a condition (then even a single write goes out as a
	 * transaction).
	 * @param writes the writes
	 * @return {@code true} when one of them is conditional
	 */
	public static boolean hasConditions(List<WriteOp> writes) {
		return writes.stream().anyMatch((write) -> write.condition() != null);
	}

	/**
	 * Checks collapsed writes against the limits of one {@code TransactWriteItems}
	 * request. A value too large for one item counts as its manifest item (its chunks are
	 * written before the transaction).
	 * @param layout the item layout, to size items
	 * @param distinctWrites writes with distinct keys
	 * @throws io.dynamodown.internal.failure.StoreFailure
	 * {@link io.dynamodown.internal.failure.StoreFailure.Kind#BATCH_TOO_LARGE} when more
	 * than {@value Limits#MAX_BATCH_KEYS} keys or {@value Limits#MAX_BATCH_BYTES} bytes
	 */
	public static void checkAtomic(KeyLayout layout, List<WriteOp> distinctWrites) {
		long bytes = 0;
		if (distinctWrites.size() <= Limits.MAX_BATCH_KEYS) {
			for (WriteOp write : distinctWrites) {
				bytes += (write instanceof WriteOp.Put put) ? transactedSize(layout, put)
						: layout.primaryKeySize(write.key());
			}
		}
		Limits.checkBatch(distinctWrites.size(), bytes);
	}

	private static long transactedSize(KeyLayout layout, WriteOp.Put put) {
		boolean expires = put.expiresAt() != null;
		return layout.fitsInline(put.key(), put.value(), expires) ? layout.itemSize(put.key(), put.value(), expires)
				: layout.manifestItemSize(put.key(), expires);
	}

}
