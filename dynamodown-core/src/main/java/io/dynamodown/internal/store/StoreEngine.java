package io.dynamodown.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.internal.batch.BatchPlanner;
import io.dynamodown.internal.batch.WriteOp;
import io.dynamodown.internal.changes.ChangeFeed;
import io.dynamodown.internal.changes.DecodedChange;
import io.dynamodown.internal.changes.FeedNames;
import io.dynamodown.internal.changes.FeedSubscription;
import io.dynamodown.internal.condition.Condition;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKey;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.internal.range.RangePlanner;
import io.dynamodown.internal.range.SortKeyRange;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.table.TableManager;
import io.dynamodown.internal.value.ValueEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The operations of a view of one open store, each given the view's key prefix and keys
 * relative to it: it checks the limits, encodes values, computes expiries and plans
 * writes, then hands full keys to the {@link DynamoStorage}. It knows nothing of the
 * store's open state, observation or public exceptions: it throws {@link StoreFailure}.
 */
public final class StoreEngine {

	private final DynamoStorage storage;

	private final ValueEncoder encoder;

	private final ExpiryClock clock;

	private final KeyLayout layout;

	private final TableManager status;

	private final ChangeFeed feed;

	/**
	 * Creates the entry point of one open store.
	 * @param storage the DynamoDB side
	 * @param encoder how values are stored, to encode and check a put's value before any
	 * request
	 * @param clock the store's now, to compute expiries
	 * @param layout how keys map to items, to size writes before any request
	 * @param status asks for the table's status, in one attempt
	 * @param feed the change feed, closed with the store
	 */
	public StoreEngine(DynamoStorage storage, ValueEncoder encoder, ExpiryClock clock, KeyLayout layout,
			TableManager status, ChangeFeed feed) {
		this.storage = storage;
		this.encoder = encoder;
		this.clock = clock;
		this.layout = layout;
		this.status = status;
		this.feed = feed;
	}

	/**
	 * Reads one key.
	 * @param prefix the view's key prefix
	 * @param key the key in the view
	 * @return the value, if present and live
	 */
	public Optional<byte[]> get(byte[] prefix, byte[] key) {
		return this.storage.get(fullKey(prefix, key));
	}

	/**
	 * Reads keys, each distinct key once; a value read for a repeated key is handed out
	 * as a copy.
	 * @param prefix the view's key prefix
	 * @param keys the keys in the view
	 * @return each key's value, in the order of the keys
	 */
	public List<Optional<byte[]>> getMany(byte[] prefix, List<byte[]> keys) {
		List<ByteKey> fullKeys = new ArrayList<>(keys.size());
		Set<ByteKey> distinct = new LinkedHashSet<>();
		for (byte[] key : keys) {
			ByteKey full = new ByteKey(fullKey(prefix, key));
			fullKeys.add(full);
			distinct.add(full);
		}
		List<byte[]> distinctKeys = distinct.stream().map(ByteKey::bytes).toList();
		Map<ByteKey, byte[]> found = distinctKeys.isEmpty() ? Map.of() : this.storage.getMany(distinctKeys);
		List<Optional<byte[]>> values = new ArrayList<>(keys.size());
		Set<ByteKey> handedOut = new HashSet<>();
		for (ByteKey key : fullKeys) {
			byte[] value = found.get(key);
			values.add((value == null) ? Optional.empty() : Optional.of(handedOut.add(key) ? value : value.clone()));
		}
		return values;
	}

	/**
	 * Writes one key.
	 * @param prefix the view's key prefix
	 * @param key the key in the view
	 * @param value the value, checked here
	 * @param ttl the time to live, checked here, or {@code null} for none
	 */
	public void put(byte[] prefix, byte[] key, byte @Nullable [] value, @Nullable Duration ttl) {
		this.storage.put(plannedPut(prefix, key, value, ttl, null));
	}

	/**
	 * Writes one key unless it holds a live value.
	 * @param prefix the view's key prefix
	 * @param key the key in the view
	 * @param value the value, checked here
	 * @param ttl the time to live, checked here, or {@code null} for none
	 * @return the current value when it was not written
	 */
	public Optional<byte[]> putIfAbsent(byte[] prefix, byte[] key, byte @Nullable [] value, @Nullable Duration ttl) {
		return this.storage.writeConditional(plannedPut(prefix, key, value, ttl, Condition.ABSENT)).currentValue();
	}

	/**
	 * Writes one key if it holds the expected value.
	 * @param prefix the view's key prefix
	 * @param key the key in the view
	 * @param expected the value it must hold
	 * @param value the value, checked here
	 * @param ttl the time to live, checked here, or {@code null} for none
	 * @return whether it was written
	 */
	public boolean replace(byte[] prefix, byte[] key, byte[] expected, byte @Nullable [] value,
			@Nullable Duration ttl) {
		return this.storage.writeConditional(plannedPut(prefix, key, value, ttl, valueIs(expected))).written();
	}

	/**
	 * Deletes one key.
	 * @param prefix the view's key prefix
	 * @param key the key in the view
	 */
	public void delete(byte[] prefix, byte[] key) {
		this.storage.delete(fullKey(prefix, key));
	}

	/**
	 * Deletes one key if it holds the expected value.
	 * @param prefix the view's key prefix
	 * @param key the key in the view
	 * @param expected the value it must hold
	 * @return whether it was deleted
	 */
	public boolean delete(byte[] prefix, byte[] key, byte[] expected) {
		return this.storage.writeConditional(new WriteOp.Delete(fullKey(prefix, key), valueIs(expected))).written();
	}

	/**
	 * Starts collecting the writes of a batch of a view, each checked as it is added.
	 * @param prefix the view's key prefix
	 * @return the writes, none yet
	 */
	public PlannedWrites writes(byte[] prefix) {
		return new PlannedWrites(this, prefix);
	}

	/**
	 * Writes a batch atomically, in one transaction.
	 * @param writes the batch's writes, the last of each key
	 */
	public void writeAtomic(DistinctWrites writes) {
		BatchPlanner.checkAtomic(this.layout, writes.writes());
		this.storage.writeAtomic(writes.writes());
	}

	/**
	 * Writes a batch in bulk, without conditions.
	 * @param writes the batch's writes, the last of each key
	 */
	public void writeBulk(DistinctWrites writes) {
		this.storage.writeBulk("bulk write", writes.writes());
	}

	/**
	 * Deletes the keys of a range of a view.
	 * @param prefix the view's key prefix
	 * @param lower the lower bound, or {@code null} for none
	 * @param upper the upper bound, or {@code null} for none
	 * @param reverse whether the limit counts from the upper end
	 * @param limit the most keys to delete, or {@code -1} for all
	 */
	public void clear(byte[] prefix, @Nullable KeyBound lower, @Nullable KeyBound upper, boolean reverse, long limit) {
		SortKeyRange planned = RangePlanner.plan(prefix, lower, upper);
		if (!planned.empty()) {
			this.storage.clear(planned, reverse, limit);
		}
	}

	/**
	 * The approximate stored size of a range of a view.
	 * @param prefix the view's key prefix
	 * @param lower the lower bound, or {@code null} for none
	 * @param upper the upper bound, or {@code null} for none
	 * @return the size in bytes
	 */
	public long approximateSize(byte[] prefix, @Nullable KeyBound lower, @Nullable KeyBound upper) {
		return this.storage.estimateSize(RangePlanner.plan(prefix, lower, upper));
	}

	/**
	 * Removes chunks no item references any more.
	 * @param minAge how old an unreferenced chunk must be to be removed
	 * @return how many were removed
	 */
	public long repair(Duration minAge) {
		return this.storage.removeOrphans(minAge);
	}

	/**
	 * Whether another store is the same database as this one: same table, hash key and
	 * client.
	 * @param other the other store
	 * @return whether both are the same database
	 */
	public boolean sameDatabase(StoreEngine other) {
		return other.layout.table().equals(this.layout.table()) && other.layout.hashKey().equals(this.layout.hashKey())
				&& other.storage.sameClient(this.storage);
	}

	/**
	 * Copies every live key of this database into another one.
	 * @param target the other database
	 * @return how many keys were copied
	 */
	public long copyTo(StoreEngine target) {
		return this.storage.copyTo(target.storage);
	}

	/**
	 * Subscribes to a view's changes.
	 * @param prefix the view's key prefix
	 * @param consumer the consumer's name, checked with {@link #checkedConsumer}
	 * @param options the subscription's options, checked
	 * @param handler receives each change of the view
	 * @return the running subscription
	 */
	public FeedSubscription subscribe(byte[] prefix, String consumer, SubscriptionOptions options,
			Consumer<DecodedChange> handler) {
		return this.feed.subscribe(new FeedNames(consumer, prefix), options, handler);
	}

	/**
	 * A consumer's name, checked: it names the feed's records.
	 * @param consumer the name
	 * @return the name
	 */
	public static String checkedConsumer(@Nullable String consumer) {
		return FeedNames.checkConsumer(consumer);
	}

	/**
	 * The key prefix of a sublevel of a view, checked: it leaves room for keys.
	 * @param prefix the view's key prefix
	 * @param name the sublevel's name
	 * @return the sublevel's key prefix
	 */
	public static byte[] sublevelPrefix(byte[] prefix, String name) {
		byte[] sublevelPrefix = ByteKeys.concat(prefix,
				Limits.utf8("!" + name + "!", Kind.INVALID_ARGUMENT, "sublevel name"));
		if (sublevelPrefix.length > Limits.MAX_KEY_BYTES) {
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "sublevel prefix of " + sublevelPrefix.length
					+ " bytes leaves no room in the key length limit of " + Limits.MAX_KEY_BYTES + " bytes");
		}
		return sublevelPrefix;
	}

	/**
	 * The table's status, from one request.
	 * @return the status
	 */
	public String tableStatus() {
		return this.status.describe().tableStatusAsString();
	}

	/**
	 * The database's table.
	 * @return the table name
	 */
	public String table() {
		return this.layout.table();
	}

	/**
	 * The database's hash key.
	 * @return the hash key
	 */
	public String hashKey() {
		return this.layout.hashKey();
	}

	/**
	 * The database's shard count.
	 * @return the shard count
	 */
	public int shards() {
		return this.layout.shards();
	}

	/**
	 * Stops the change feed's subscriptions.
	 */
	public void close() {
		this.feed.close();
	}

	/**
	 * The full key of a key of a view, within the key limit.
	 */
	byte[] fullKey(byte[] prefix, byte[] key) {
		return Limits.checkKey((prefix.length == 0) ? key.clone() : ByteKeys.concat(prefix, key));
	}

	/**
	 * A put of a view: the key within its limit, the value compressed (when that saves
	 * enough) and its stored form within the largest value; with a time to live, that
	 * within its limit and its expiry computed now.
	 */
	WriteOp.Put plannedPut(byte[] prefix, byte[] key, byte @Nullable [] value, @Nullable Duration ttl,
			@Nullable Condition condition) {
		byte[] full = fullKey(prefix, key);
		Long expiresAt = (ttl != null) ? this.clock.expiresAt(Limits.checkTtl(ttl)) : null;
		return new WriteOp.Put(full, this.encoder.checked(full, Limits.checkValue(value)), expiresAt, condition);
	}

	static Condition valueIs(byte[] expected) {
		return new Condition.ValueIs(expected.clone());
	}

}
