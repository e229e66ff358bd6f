package io.dynamodown.server.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.model.ItemSize;

/**
 * DynamoDB's per-partition throughput limits: each partition-key value of a table may
 * consume at most so many read and so many write capacity units a second, counted as the
 * server counts consumed capacity, through a {@link TokenBucket} per value and kind that
 * refills at the cap and holds one second of it. A local index lives in its table's
 * partitions, so its units count there; global indexes have partitions of their own,
 * which are not limited. A cap of zero means no limit.
 * <p>
 * Operations ask once, when they know what they will consume and before they change
 * anything, so that a throttled request consumes and changes nothing. Thread-safe.
 */
public final class PartitionLimiter {

	/** What DynamoDB says when a partition's throughput is exceeded. */
	static final String EXCEEDED = "The level of configured provisioned throughput for the table was exceeded. "
			+ "Consider increasing your provisioning level with the UpdateTable API.";

	/** The message of a {@code ThrottlingError} cancellation reason of a transaction. */
	static final String HOT_KEY = "Throughput exceeds the current capacity of your table or index. "
			+ "DynamoDB is automatically scaling your table or index so please try again shortly. "
			+ "If exceptions persist, check if you have a hot key: "
			+ "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

	/** The fewest buckets that make idle ones worth forgetting. */
	private static final int MIN_SWEEP = 1024;

	private final Clock clock;

	private final long readUnitsPerSecond;

	private final long writeUnitsPerSecond;

	private final Map<Partition, TokenBucket> reads = new HashMap<>();

	private final Map<Partition, TokenBucket> writes = new HashMap<>();

	private final AtomicLong throttled = new AtomicLong();

	private int sweepAt = MIN_SWEEP;

	/**
	 * Creates a limiter.
	 * @param clock the clock the buckets refill by
	 * @param readUnitsPerSecond the read units one partition-key value may consume a
	 * second, {@code 0} for no limit
	 * @param writeUnitsPerSecond the write units one partition-key value may consume a
	 * second, {@code 0} for no limit
	 * @throws IllegalArgumentException if a cap is negative
	 */
	public PartitionLimiter(Clock clock, long readUnitsPerSecond, long writeUnitsPerSecond) {
		if (readUnitsPerSecond < 0 || writeUnitsPerSecond < 0) {
			throw new IllegalArgumentException("Partition caps must be zero (no limit) or more, were "
					+ readUnitsPerSecond + " read and " + writeUnitsPerSecond + " write units a second");
		}
		this.clock = clock;
		this.readUnitsPerSecond = readUnitsPerSecond;
		this.writeUnitsPerSecond = writeUnitsPerSecond;
	}

	/**
	 * Returns the number of requests held back so far, in whole or in part: refused with
	 * {@code ProvisionedThroughputExceededException}, cancelled with a
	 * {@code ThrottlingError}, or answered with throttled items unprocessed.
	 * @return the count
	 */
	public long throttledRequests() {
		return this.throttled.get();
	}

	/**
	 * Returns whether reads are limited, so that a page need not count its reads by
	 * partition otherwise.
	 * @return whether there is a read cap
	 */
	boolean limitsReads() {
		return this.readUnitsPerSecond > 0;
	}

	/**
	 * Consumes one demand, or refuses it.
	 * @param demand the demand
	 * @throws DynamoDbError {@code ProvisionedThroughputExceededException} when its
	 * partition cannot take it now
	 */
	void admit(Demand demand) {
		admit(List.of(demand));
	}

	/**
	 * Consumes every demand of a request, or none: demands on one partition add up.
	 * @param demands the demands
	 * @throws DynamoDbError {@code ProvisionedThroughputExceededException} when a
	 * partition cannot take its share now
	 */
	void admit(List<Demand> demands) {
		boolean[] refused = refusedOf(demands);
		List<Demand> throttledDemands = new ArrayList<>();
		for (int i = 0; i < demands.size(); i++) {
			if (refused[i]) {
				throttledDemands.add(demands.get(i));
			}
		}
		if (!throttledDemands.isEmpty()) {
			throw exceeded(throttledDemands);
		}
	}

	/**
	 * Consumes the demands of a transaction, all or none.
	 * @param demands one demand per action, in request order
	 * @throws DynamoDbError {@code TransactionCanceledException} with a
	 * {@code ThrottlingError} reason for each action whose partition cannot take its
	 * share now, and {@code None} for the others
	 */
	void admitTransaction(List<Demand> demands) {
		boolean[] refused = refusedOf(demands);
		List<Object> reasons = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (boolean throttledAction : refused) {
			String code = throttledAction ? "ThrottlingError" : "None";
			codes.add(code);
			reasons.add(throttledAction ? Map.of("Code", code, "Message", HOT_KEY) : Map.of("Code", code));
		}
		if (codes.contains("ThrottlingError")) {
			throw DynamoDbError
				.of(DynamoDbError.DYNAMODB, "TransactionCanceledException", 400,
						"Transaction cancelled, please refer cancellation reasons for specific reasons " + codes)
				.with("CancellationReasons", reasons);
		}
	}

	/**
	 * Consumes the demands of a batch one by one, in request order, each when its
	 * partition can take it after those before it.
	 * @param demands the demands
	 * @return whether each was admitted
	 * @throws DynamoDbError {@code ProvisionedThroughputExceededException} when none was
	 * admitted
	 */
	boolean[] admitEach(List<Demand> demands) {
		boolean[] admitted = new boolean[demands.size()];
		if (!anyLimited(demands)) {
			Arrays.fill(admitted, true);
			return admitted;
		}
		List<Demand> refused = new ArrayList<>();
		synchronized (this) {
			Instant now = this.clock.instant();
			forgetIdleBuckets(now);
			for (int i = 0; i < demands.size(); i++) {
				Demand demand = demands.get(i);
				TokenBucket bucket = bucket(demand, now);
				admitted[i] = bucket == null || bucket.admits(demand.units(), now);
				if (!admitted[i]) {
					refused.add(demand);
				}
				else if (bucket != null) {
					bucket.consume(demand.units());
				}
			}
		}
		if (!refused.isEmpty()) {
			this.throttled.incrementAndGet();
			if (refused.size() == demands.size()) {
				throw exceeded(refused);
			}
		}
		return admitted;
	}

	/**
	 * Consumes all demands if every partition can take its share, else none.
	 * @return for each demand, whether it was refused
	 */
	private boolean[] refusedOf(List<Demand> demands) {
		boolean[] refused = new boolean[demands.size()];
		if (!anyLimited(demands)) {
			return refused;
		}
		boolean any = false;
		synchronized (this) {
			Instant now = this.clock.instant();
			forgetIdleBuckets(now);
			List<@Nullable TokenBucket> buckets = new ArrayList<>();
			Map<TokenBucket, Double> shares = new LinkedHashMap<>();
			for (Demand demand : demands) {
				TokenBucket bucket = bucket(demand, now);
				buckets.add(bucket);
				if (bucket != null) {
					shares.merge(bucket, demand.units(), Double::sum);
				}
			}
			Set<TokenBucket> overdrawn = new HashSet<>();
			shares.forEach((bucket, units) -> {
				if (!bucket.admits(units, now)) {
					overdrawn.add(bucket);
				}
			});
			for (int i = 0; i < demands.size(); i++) {
				refused[i] = overdrawn.contains(buckets.get(i));
				any |= refused[i];
			}
			if (!any) {
				shares.forEach(TokenBucket::consume);
			}
		}
		if (any) {
			this.throttled.incrementAndGet();
		}
		return refused;
	}

	/**
	 * Returns whether any demand draws from a bucket, so that requests without caps never
	 * wait for the limiter's lock.
	 */
	private boolean anyLimited(List<Demand> demands) {
		for (Demand demand : demands) {
			if (capOf(demand) > 0 && demand.units() > 0) {
				return true;
			}
		}
		return false;
	}

	private long capOf(Demand demand) {
		return demand.write() ? this.writeUnitsPerSecond : this.readUnitsPerSecond;
	}

	private static DynamoDbError exceeded(List<Demand> refused) {
		Set<Map<String, Object>> reasons = new LinkedHashSet<>();
		for (Demand demand : refused) {
			Map<String, Object> reason = new LinkedHashMap<>();
			reason.put("reason",
					demand.write() ? "TableWriteKeyRangeThroughputExceeded" : "TableReadKeyRangeThroughputExceeded");
			reason.put("resource", demand.table().arn());
			reasons.add(reason);
		}
		return DynamoDbError.of(DynamoDbError.DYNAMODB, "ProvisionedThroughputExceededException", 400, EXCEEDED)
			.with("ThrottlingReasons", new ArrayList<Object>(reasons));
	}

	/**
	 * Returns the bucket a demand draws from, creating it full.
	 * @return the bucket, or {@code null} when the demand is free or its kind not limited
	 */
	private @Nullable TokenBucket bucket(Demand demand, Instant now) {
		long cap = capOf(demand);
		if (cap == 0 || demand.units() == 0) {
			return null;
		}
		Map<Partition, TokenBucket> buckets = demand.write() ? this.writes : this.reads;
		Partition partition = new Partition(demand.table().id(), demand.partition());
		TokenBucket bucket = buckets.get(partition);
		if (bucket == null) {
			bucket = new TokenBucket(cap, now);
			buckets.put(partition, bucket);
		}
		return bucket;
	}

	/**
	 * Forgets full buckets once there are many, as a full bucket is what a new one is:
	 * memory stays in proportion to the partitions used in the last second. Runs before a
	 * request looks up its buckets, never while it holds them.
	 */
	private void forgetIdleBuckets(Instant now) {
		if (this.reads.size() + this.writes.size() < this.sweepAt) {
			return;
		}
		for (Map<Partition, TokenBucket> buckets : List.of(this.reads, this.writes)) {
			buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
		this.sweepAt = Math.max(MIN_SWEEP, 2 * (this.reads.size() + this.writes.size()));
	}

	/**
	 * One partition-key value of one table (by its id, so that a table created again
	 * under the same name starts with full buckets).
	 *
	 * @param tableId the table's id
	 * @param value the partition key value
	 */
	private record Partition(String tableId, AttributeValue value) {
	}

	/**
	 * What one item, page or action of a request will consume from one partition-key
	 * value.
	 *
	 * @param table the table
	 * @param partition the partition key value
	 * @param write whether it draws write units rather than read units
	 * @param units the capacity units
	 */
	record Demand(Table table, AttributeValue partition, boolean write, double units) {

		/**
		 * A read of a partition.
		 * @param table the table
		 * @param partition the partition key value
		 * @param units the read units, as the request's consumed capacity counts them
		 * @return the demand
		 */
		static Demand read(Table table, AttributeValue partition, double units) {
			return new Demand(table, partition, false, units);
		}

		/**
		 * A write of an item: one write unit per KB of the larger of the old and the new
		 * item, plus what each local index's copy costs (the server's consumed capacity,
		 * without the global indexes, whose partitions are not limited).
		 * @param table the table
		 * @param key the item's key
		 * @param old the item before, or {@code null}
		 * @param item the item after, or {@code null} for a delete
		 * @return the demand
		 */
		static Demand write(Table table, PrimaryKey key, @Nullable Map<String, AttributeValue> old,
				@Nullable Map<String, AttributeValue> item) {
			double units = Capacity.writeUnits(Math.max(sizeOf(old), sizeOf(item)));
			for (SecondaryIndex index : table.indexes()) {
				if (!index.global()) {
					long indexed = Math.max(sizeOf(projected(index, old)), sizeOf(projected(index, item)));
					units += (indexed > 0) ? Capacity.writeUnits(indexed) : 0;
				}
			}
			return new Demand(table, key.hash(), true, units);
		}

		/**
		 * Returns this demand at twice its units, as a transaction consumes.
		 * @return the doubled demand
		 */
		Demand twice() {
			return new Demand(this.table, this.partition, this.write, 2 * this.units);
		}

		private static @Nullable Map<String, AttributeValue> projected(SecondaryIndex index,
				@Nullable Map<String, AttributeValue> item) {
			return (item != null && index.keySchema().isKeyOf(item)) ? index.project(item) : null;
		}

		private static long sizeOf(@Nullable Map<String, AttributeValue> item) {
			return (item != null) ? ItemSize.of(item) : 0;
		}

	}

}
