package io.dynamodown.internal.store;

import java.util.List;

import io.dynamodown.internal.batch.WriteOp;

/**
 * The writes of a batch, the last write of each key only, as they are written.
 *
 * @param writes the writes, one per key
 */
public record DistinctWrites(List<WriteOp> writes) {

	/**
	 * The number of keys written.
	 * @return the number of keys
	 */
	public int size() {
		return this.writes.size();
	}

}
