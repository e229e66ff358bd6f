package io.dynamodown;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.dynamodown.changes.SubscriptionOptions;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A LevelDB-style ordered key-value store whose storage is one hash key of a DynamoDB
 * table.
 * <p>
 * Keys and values are byte arrays; keys sort as unsigned bytes. The empty key and the
 * empty value are allowed; {@code null} is refused. Every limit (key length, item size,
 * batch size) is checked before any request is sent, and every failure is a
 * {@link LevelDbException} with a stable {@link ErrorCode}. Reads are strongly consistent
 * unless the store was opened otherwise. A key may expire
 * ({@link #put(byte[], byte[], Duration)}): from then on it is absent. Conditional writes
 * ({@link #putIfAbsent}, {@link #replace}, {@link #delete(byte[], byte[])}) are exact
 * even when an answer is lost and the SDK retries: a write that happened is reported as
 * written. A store is thread-safe.
 *
 * <pre>{@code
 * try (LevelDb db = LevelDb.builder(client).table("app").hashKey("users").open()) {
 *     db.put(key, value);
 *     try (LevelIterator<Entry> it = db.iterator(Range.all().gte(from).limit(10))) {
 *         it.forEachRemaining(...);
 *     }
 * }
 * }</pre>
 */
public interface LevelDb extends AutoCloseable {

	/**
	 * How old chunks must be before {@link #repair()} removes them when orphaned: an
	 * hour, far longer than any write may take.
	 */
	Duration REPAIR_MIN_AGE = Duration.ofHours(1);

	/**
	 * Starts building a store over a DynamoDB client. The store never closes a client it
	 * was given.
	 * @param client the client
	 * @return a builder
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} when the client is
	 * {@code null}
	 */
	static LevelDbBuilder builder(DynamoDbClient client) {
		return new LevelDbBuilder(client);
	}

	/**
	 * Reads the value of a key: one {@code GetItem}.
	 * @param key the key
	 * @return the value, or empty when the key is absent
	 * @throws LevelDbException for an invalid key, a closed store or a failed request;
	 * {@link ErrorCode#CORRUPT_ITEM}, naming the key and the attribute, for a stored item
	 * the store cannot read (written by something else, or damaged)
	 */
	Optional<byte[]> get(byte[] key);

	/**
	 * Reads many keys: {@code BatchGetItem} requests of at most 100 distinct keys,
	 * unprocessed keys retried.
	 * @param keys the keys, in any order, duplicates allowed
	 * @return the values in the order of {@code keys}, empty for absent keys
	 * @throws LevelDbException for an invalid key, a closed store or a failed request;
	 * {@link ErrorCode#CORRUPT_ITEM}, naming the key and the attribute, for a stored item
	 * the store cannot read
	 */
	List<Optional<byte[]>> getMany(List<byte[]> keys);

	/**
	 * Writes a value under a key: one {@code PutItem}.
	 * @param key the key
	 * @param value the value
	 * @throws LevelDbException for an invalid key or value, a closed store or a failed
	 * request
	 */
	void put(byte[] key, byte[] value);

	/**
	 * Writes a value under a key that expires {@code ttl} after the store's now
	 * ({@link LevelDbBuilder#clock}): one {@code PutItem}. From the whole second of
	 * expiry on, the key is absent for every read and every condition, although DynamoDB
	 * deletes it later. A later put without a time to live clears the expiry.
	 * @param key the key
	 * @param value the value
	 * @param ttl the time to live: positive, at most 100 years
	 * @throws LevelDbException for an invalid key, value or time to live, a closed store
	 * or a failed request
	 */
	void put(byte[] key, byte[] value, Duration ttl);

	/**
	 * Writes a value only when the key is absent (or expired): one request, no read
	 * first. When the key holds a value, DynamoDB returns it with the refusal.
	 * @param key the key
	 * @param value the value
	 * @return empty when written, else the key's current value (nothing written)
	 * @throws LevelDbException for an invalid key or value, a closed store or a failed
	 * request
	 */
	Optional<byte[]> putIfAbsent(byte[] key, byte[] value);

	/**
	 * Writes a value that expires {@code ttl} after the store's now, only when the key is
	 * absent (or expired): one request, no read first.
	 * @param key the key
	 * @param value the value
	 * @param ttl the time to live: positive, at most 100 years
	 * @return empty when written, else the key's current value (nothing written)
	 * @throws LevelDbException for an invalid key, value or time to live, a closed store
	 * or a failed request
	 */
	Optional<byte[]> putIfAbsent(byte[] key, byte[] value, Duration ttl);

	/**
	 * Compare-and-set: writes {@code value} only when the key's current (live) value
	 * equals {@code expected}: one request. The new item has no expiry.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @param value the new value
	 * @return whether it was written
	 * @throws LevelDbException for an invalid key or value, a closed store or a failed
	 * request
	 */
	boolean replace(byte[] key, byte[] expected, byte[] value);

	/**
	 * Compare-and-set with a new expiry: writes {@code value}, expiring {@code ttl} after
	 * the store's now, only when the key's current (live) value equals {@code expected}:
	 * one request.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @param value the new value
	 * @param ttl the time to live: positive, at most 100 years
	 * @return whether it was written
	 * @throws LevelDbException for an invalid key, value or time to live, a closed store
	 * or a failed request
	 */
	boolean replace(byte[] key, byte[] expected, byte[] value, Duration ttl);

	/**
	 * Deletes a key: one {@code DeleteItem}. Deleting an absent key succeeds.
	 * @param key the key
	 * @throws LevelDbException for an invalid key, a closed store or a failed request
	 */
	void delete(byte[] key);

	/**
	 * Deletes a key only when its current (live) value equals {@code expected}: one
	 * request.
	 * @param key the key
	 * @param expected the value the key must hold
	 * @return whether it was deleted
	 * @throws LevelDbException for an invalid key or value, a closed store or a failed
	 * request
	 */
	boolean delete(byte[] key, byte[] expected);

	/**
	 * Starts an atomic batch of writes; nothing is sent until {@link Batch#write()}.
	 * @return an empty batch bound to this store
	 */
	Batch batch();

	/**
	 * Starts a non-atomic bulk write, for any number of writes: on {@link Batch#write()}
	 * repeated keys collapse (the last wins) and the rest goes out as
	 * {@code BatchWriteItem} requests of 25, sent concurrently, unprocessed items re-sent
	 * until written or the retry policy gives up.
	 * @return an empty bulk write bound to this store
	 */
	Batch bulk();

	/**
	 * Iterates over the entries of a range, in key order (or reverse).
	 * @param range the range, direction and limit
	 * @return an iterator to close after use
	 */
	LevelIterator<Entry> iterator(Range range);

	/**
	 * Iterates over the keys of a range; only the key attribute is read.
	 * @param range the range, direction and limit
	 * @return an iterator to close after use
	 */
	LevelIterator<byte[]> keys(Range range);

	/**
	 * Iterates over the values of a range.
	 * @param range the range, direction and limit
	 * @return an iterator to close after use
	 */
	LevelIterator<byte[]> values(Range range);

	/**
	 * The entries of a range as a stream; closing the stream closes the iterator, as does
	 * reaching its end.
	 * @param range the range, direction and limit
	 * @return a sequential stream
	 */
	default Stream<Entry> stream(Range range) {
		return iterator(range).stream();
	}

	/**
	 * The entries of a range as an {@link Iterable} for a for-each loop: each
	 * {@code iterator()} call opens a new store iterator, which closes itself when it
	 * reaches its end. A loop that may stop early should use {@link #iterator(Range)} in
	 * try-with-resources, or {@link #stream(Range)}.
	 * @param range the range, direction and limit
	 * @return the iterable
	 */
	default Iterable<Entry> entries(Range range) {
		return () -> iterator(range).stream().iterator();
	}

	/**
	 * Deletes every key of a range (honouring its direction and limit), expired keys not
	 * yet deleted by DynamoDB included: keys-only queries and {@code BatchWriteItem}
	 * deletes of 25, then the chunks of the large values among them. An item whose form
	 * cannot be read is deleted, its chunks left alone and reported (to the listener's
	 * {@code onMalformedItem} and in one WARN line).
	 * @param range the range
	 * @throws LevelDbException {@link ErrorCode#WRITES_INCOMPLETE} naming the keys not
	 * deleted
	 */
	void clear(Range range);

	/**
	 * An estimate of the bytes stored in a range (keys, values as stored, that is
	 * compressed, and attribute overhead), from one counting pass over it. It reads the
	 * range, so it costs read capacity; LevelDB's own figure is an estimate too. An item
	 * whose form cannot be read counts without chunks, and is reported.
	 * @param range the range; direction and limit are ignored
	 * @return the estimated size in bytes
	 */
	long approximateSize(Range range);

	/**
	 * Finds and removes orphaned chunks, as LevelDB's {@code RepairDB} recovers what a
	 * crash left behind. A value too large for one item is stored in chunk items before
	 * its key's item names them; a write that fails or stops before that commit, a
	 * removal of replaced chunks that fails, and a {@link #bulk()} write that replaces or
	 * deletes a large value (DynamoDB's batch writes do not hand back what they replace)
	 * leave chunks that nothing names. They are never read, but take space. This reads
	 * the chunks of the whole database (this hash key, whatever the sublevel) begun at
	 * least {@link #REPAIR_MIN_AGE} ago by the store's clock (younger ones may belong to
	 * a write in progress), and deletes those whose key's item names another generation
	 * or nothing. Safe to run at any time, from any number of stores. What it cannot read
	 * (an item of the chunk space that is not a chunk, a key's item with a malformed
	 * form) is skipped, its chunks kept, and reported; the rest is done.
	 * @return the number of chunk items removed
	 * @throws LevelDbException when a request fails
	 */
	long repair();

	/**
	 * Copies every live key of this database, with its value and time to live, into
	 * another database: to change a database's shard count
	 * ({@link LevelDbBuilder#shards}), or to move it to another table or hash key. The
	 * shards of this database are read concurrently (up to
	 * {@link LevelDbBuilder#concurrency}), each in key order, one page at a time, and
	 * each page is written to the target with bulk writes ({@code BatchWriteItem}, the
	 * target's layout, compression and shards); a key keeps its expiry second. After each
	 * page the copy records how far it got, in records of the target ({@code copy/...},
	 * never seen by its ranges): a copy that fails or is stopped resumes from there when
	 * called again with the same target, and a copy that completes removes them, so that
	 * the next call copies everything again.
	 * <p>
	 * It is not a snapshot: a write made to this database during the copy reaches the
	 * target only if its shard has not been read past its key yet, and a key deleted here
	 * after it was copied stays in the target. For an exact copy, stop writing to this
	 * database until the copy returns, then switch to the target. Writing to both
	 * databases meanwhile is not enough: the copy may write a value it read before a
	 * delete made to both.
	 * @param target the root view of another open database of this library (another hash
	 * key, another table, or another client)
	 * @return the number of keys copied by this call
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} when the target is this
	 * database, a sublevel or not a store of this library, or this is a sublevel;
	 * {@link ErrorCode#WRITES_INCOMPLETE} naming the keys not written (call again to
	 * resume), or another code when a request failed
	 */
	long copyTo(LevelDb target);

	/**
	 * The number of shards (partition keys) this database spreads its keys over: 1 unless
	 * it was created with {@link LevelDbBuilder#shards(int)}.
	 * @return the shard count
	 */
	int shards();

	/**
	 * Subscribes to this view's changes, from DynamoDB Streams, with the default
	 * {@link SubscriptionOptions}: see
	 * {@link #subscribe(String, SubscriptionOptions, Consumer)}.
	 * @param consumer the consumer name: 1 to 128 characters of {@code [A-Za-z0-9_.-]}
	 * @param handler receives each change
	 * @return the running subscription, to close
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for an invalid consumer
	 * name or a {@code null} handler and {@link ErrorCode#NOT_OPEN} for a closed store,
	 * both before any request; {@link ErrorCode#STREAM_UNAVAILABLE} when the table has no
	 * stream of {@code NEW_AND_OLD_IMAGES} (the message names the setting) or no DynamoDB
	 * Streams client can be had
	 */
	default Subscription subscribe(String consumer, Consumer<Change> handler) {
		return subscribe(consumer, SubscriptionOptions.DEFAULT, handler);
	}

	/**
	 * Subscribes to this view's changes, read from the table's DynamoDB stream: each put,
	 * delete and expiry of a key of this view (on a sublevel, of its keys only, without
	 * its prefix), with the value written and the value before, decoded. Never the
	 * store's own items (chunks of large values, checkpoints, leases).
	 * <ul>
	 * <li>Changes of one key arrive in the order they were made. The handler is called on
	 * one thread of the subscription, one change at a time.</li>
	 * <li>At least once: the consumer's checkpoint of a shard moves only after the
	 * handler returned for its changes, so a change may arrive again after a subscriber
	 * stops or dies, never be skipped. A handler that throws gets the same change again,
	 * with back-off ({@link SubscriptionOptions#handlerRetry()}); past that the
	 * subscription stops with {@link ErrorCode#HANDLER_FAILED}
	 * ({@link Subscription#failure()}).</li>
	 * <li>Subscribers of the same consumer name, in this process or others, share the
	 * stream's shards: each shard is leased to one of them, and taken over when its
	 * holder dies (after {@link SubscriptionOptions#leaseDuration()}) or hands it back to
	 * a subscriber that joined. Checkpoints, leases and memberships are items of this
	 * database in the table itself.</li>
	 * <li>Changes the stream no longer holds (a checkpoint older than its 24 hours) are
	 * reported ({@link io.dynamodown.metrics.RequestListener#onChangesLost}, a WARN log)
	 * and delivery goes on from the oldest change held.</li>
	 * </ul>
	 * The subscription runs until closed, or until the store is.
	 * @param consumer the consumer name: 1 to 128 characters of {@code [A-Za-z0-9_.-]}
	 * @param options where a new consumer starts, poll interval, batch size, lease, retry
	 * @param handler receives each change
	 * @return the running subscription, to close
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for an invalid consumer
	 * name or a {@code null} handler, an {@link InvalidOptionException} naming an option
	 * out of range ({@code options.batchSize}), and {@link ErrorCode#NOT_OPEN} for a
	 * closed store, all before any request; {@link ErrorCode#STREAM_UNAVAILABLE} when the
	 * table has no stream of {@code NEW_AND_OLD_IMAGES} (the message names the setting)
	 * or no DynamoDB Streams client can be had
	 */
	Subscription subscribe(String consumer, SubscriptionOptions options, Consumer<Change> handler);

	/**
	 * A view of this store whose keys carry the prefix {@code !name!} inside the same
	 * hash key, as abstract-level's sublevels: its ranges, clears and batches stay inside
	 * it, and this store sees its keys in order.
	 * @param name the sublevel name: not empty, without {@code '!'}
	 * @return the sublevel
	 */
	LevelDb sublevel(String name);

	/**
	 * The table this store writes to.
	 * @return the table name
	 */
	String table();

	/**
	 * The hash key this store writes under.
	 * @return the hash key
	 */
	String hashKey();

	/**
	 * Asks DynamoDB for the status of this store's table: one {@code DescribeTable}
	 * through the store's own client, reported to its listener like any other request. It
	 * makes one attempt, bounded by the attempt timeout
	 * ({@link LevelDbBuilder#attemptTimeout(Duration)}), so that a health check answers
	 * quickly when DynamoDB does not.
	 * @return DynamoDB's table status, such as {@code ACTIVE}, {@code UPDATING} or
	 * {@code CREATING}
	 * @throws LevelDbException {@link ErrorCode#NOT_OPEN} when the store is closed,
	 * {@link ErrorCode#TABLE_MISSING} when the table was deleted,
	 * {@link ErrorCode#TIMEOUT} when DynamoDB does not answer in time, another code (with
	 * the AWS cause) when the request fails
	 */
	String tableStatus();

	/**
	 * The key prefix of this view: empty for a root store, {@code !name!} (nested) for a
	 * sublevel.
	 * @return a copy of the prefix
	 */
	byte[] prefix();

	/**
	 * Whether the store is open.
	 * @return {@code false} once closed
	 */
	boolean isOpen();

	/**
	 * Closes the store: waits for writes in flight, then refuses every call with
	 * {@link ErrorCode#NOT_OPEN}. Closing a sublevel closes only that view. Idempotent.
	 */
	@Override
	void close();

}
