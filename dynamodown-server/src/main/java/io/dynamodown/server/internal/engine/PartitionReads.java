package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * The bytes a {@code Query} or {@code Scan} page reads from each partition-key value of
 * its table, so that the {@link PartitionLimiter} charges each partition its share: the
 * items of the table or of a local index (which lives in the table's partitions), each
 * partition's bytes rounded up to 4 KB units as a page's are. Pages of a global index,
 * whose partitions are not limited, and pages read while reads are not limited count
 * nothing.
 */
final class PartitionReads {

	private final ReadTarget target;

	private final @Nullable Map<AttributeValue, long[]> bytes;

	/**
	 * Starts counting the reads of a page.
	 * @param limiter the limiter the page will ask
	 * @param target the table or index the page reads
	 */
	PartitionReads(PartitionLimiter limiter, ReadTarget target) {
		this.target = target;
		SecondaryIndex index = target.index();
		boolean counted = limiter.limitsReads() && (index == null || !index.global());
		this.bytes = counted ? new LinkedHashMap<>() : null;
	}

	/**
	 * Counts one evaluated item.
	 * @param entry the item's entry in the table or index
	 * @param tableBytes the bytes read from the table for it
	 * @param indexBytes the bytes read from the index for it
	 */
	void add(EntryKey entry, long tableBytes, long indexBytes) {
		if (this.bytes == null) {
			return;
		}
		PrimaryKey tableKey = (this.target.index() != null)
				? Objects.requireNonNull(entry.tableKey(), "an index entry has a table key") : entry.key();
		long[] partition = this.bytes.computeIfAbsent(tableKey.hash(), (hash) -> new long[2]);
		partition[0] += tableBytes;
		partition[1] += indexBytes;
	}

	/**
	 * Returns what the page asks of each partition it read.
	 * @param consistent whether the page was read strongly consistent
	 * @return one read demand per partition, in the order they were read
	 */
	List<PartitionLimiter.Demand> demands(boolean consistent) {
		List<PartitionLimiter.Demand> demands = new ArrayList<>();
		if (this.bytes != null) {
			this.bytes
				.forEach((partition, read) -> demands.add(PartitionLimiter.Demand.read(this.target.table(), partition,
						Capacity.pageReadUnits(read[0], consistent) + Capacity.pageReadUnits(read[1], consistent))));
		}
		return demands;
	}

}
