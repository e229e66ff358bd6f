package io.dynamodown;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.dynamodown.internal.changes.ChangeFeed;
import io.dynamodown.internal.changes.StreamsClients;
import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.limit.Limits;
import io.dynamodown.internal.request.RequestRunner;
import io.dynamodown.internal.request.Timeouts;
import io.dynamodown.internal.storage.DynamoStorage;
import io.dynamodown.internal.value.Codecs;
import io.dynamodown.internal.value.ValueEncoder;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.observe.MicrometerObserver;
import io.dynamodown.internal.observe.OperationObserver;
import io.dynamodown.internal.table.Descriptor;
import io.dynamodown.internal.table.TableManager;
import io.dynamodown.observation.StoreObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Builds and opens a {@link LevelDb}. Only the table is required:
 *
 * <pre>{@code
 * LevelDb db = LevelDb.builder(client).table("app").hashKey("users").open();
 * LevelDb same = LevelDb.builder(client).location("app/users").open();
 * }</pre>
 *
 * Every option is checked when it is given, as {@link LevelDbOptions} checks it: a value
 * it refuses is an {@link InvalidOptionException} naming the option, the rule and the
 * value; what relates two options (the two timeouts) and the required table are checked
 * by {@link #open()}, before any request.
 */
public final class LevelDbBuilder {

	/** The hash key used when none is given, as in the original DynamoDOWN. */
	public static final String DEFAULT_HASH_KEY = "!";

	/**
	 * The most requests one bulk write, clear or many-key read sends at once, by default.
	 */
	public static final int DEFAULT_CONCURRENCY = 8;

	/**
	 * The longest one DynamoDB request may take, the SDK's retries included, by default:
	 * 10 seconds.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** The longest one attempt of a DynamoDB request may take, by default: 2 seconds. */
	public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

	/** The largest value, before and after compression, by default: 16 MiB. */
	public static final long DEFAULT_MAX_VALUE_SIZE = Limits.DEFAULT_MAX_VALUE_BYTES;

	/**
	 * The most stored bytes of large (chunked) values a store reads at once, by default:
	 * 16 MiB.
	 */
	public static final long DEFAULT_READ_BUDGET = 16L * 1024 * 1024;

	/**
	 * The largest value any store accepts, in stored bytes: a Java array's limit less the
	 * room its chunk items need.
	 */
	public static final long MAX_VALUE_SIZE_LIMIT = Integer.MAX_VALUE - 1024L * 1024;

	private final DynamoDbClient client;

	private LevelDbOptions.Builder options = LevelDbOptions.builder();

	private RequestListener listener = RequestListener.NONE;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable StoreObservationConvention observationConvention;

	private @Nullable DynamoDbStreamsClient streamsClient;

	LevelDbBuilder(@Nullable DynamoDbClient client) {
		if (client == null) {
			throw new InvalidOptionException("client", null, "must not be null");
		}
		this.client = client;
	}

	/**
	 * The table to use.
	 * @param table 3 to 255 characters of {@code [a-zA-Z0-9_.-]}
	 * @return this builder
	 * @throws InvalidOptionException naming the rule and the value when the name is not
	 * valid
	 */
	public LevelDbBuilder table(String table) {
		this.options.table(table);
		return this;
	}

	/**
	 * The hash key (partition key value) of this database; default
	 * {@value #DEFAULT_HASH_KEY}. Several databases may share a table under different
	 * hash keys. U+0000 is reserved: shard i (from 1) of a database of several
	 * {@link #shards(int) shards} uses the partition key hash key, U+0000, i in decimal,
	 * which no hash key can equal.
	 * @param hashKey 1 to 2048 bytes of UTF-8 without U+0000; with n shards, 2048 less 1
	 * and the digits of n - 1 (checked at {@link #open()})
	 * @return this builder
	 * @throws InvalidOptionException naming the rule and the value when the hash key is
	 * not valid
	 */
	public LevelDbBuilder hashKey(String hashKey) {
		this.options.hashKey(hashKey);
		return this;
	}

	/**
	 * The table and hash key as one location string {@code table/hashKey} (the hash key
	 * may itself contain {@code /}); a location without {@code /} names only the table.
	 * @param location the location
	 * @return this builder
	 */
	public LevelDbBuilder location(@Nullable String location) {
		if (location == null) {
			throw new InvalidOptionException("location", null, "must not be null");
		}
		int slash = location.indexOf('/');
		if (slash < 0) {
			return table(location);
		}
		return table(location.substring(0, slash)).hashKey(location.substring(slash + 1));
	}

	/**
	 * Whether to create the table when it does not exist; default {@code true}.
	 * @param createIfMissing create a missing table
	 * @return this builder
	 */
	public LevelDbBuilder createIfMissing(boolean createIfMissing) {
		this.options.createIfMissing(createIfMissing);
		return this;
	}

	/**
	 * Whether to refuse a table that already exists; default {@code false}.
	 * @param errorIfExists refuse an existing table
	 * @return this builder
	 */
	public LevelDbBuilder errorIfExists(boolean errorIfExists) {
		this.options.errorIfExists(errorIfExists);
		return this;
	}

	/**
	 * The billing of a table the store creates; default on-demand.
	 * @param billing the billing
	 * @return this builder
	 */
	public LevelDbBuilder billing(Billing billing) {
		this.options.billing(billing);
		return this;
	}

	/**
	 * Whether reads are strongly consistent (read-your-writes, as LevelDB); default
	 * {@code true}. Eventually consistent reads cost half.
	 * @param consistentReads strongly consistent reads
	 * @return this builder
	 */
	public LevelDbBuilder consistentReads(boolean consistentReads) {
		this.options.consistentReads(consistentReads);
		return this;
	}

	/**
	 * The attribute names of items, to adopt an existing table; default
	 * {@link AttributeNames#DEFAULT}.
	 * @param attributeNames the names
	 * @return this builder
	 * @throws InvalidOptionException naming the attribute when a name is not 1 to 255
	 * bytes of well-formed UTF-8 (1 byte to 64 KB for the value attribute), or two names
	 * are the same
	 */
	public LevelDbBuilder attributeNames(AttributeNames attributeNames) {
		this.options.attributeNames(attributeNames);
		return this;
	}

	/**
	 * The listener notified of every DynamoDB request; default none.
	 * @param listener the listener
	 * @return this builder
	 */
	public LevelDbBuilder listener(RequestListener listener) {
		if (listener == null) {
			throw new InvalidOptionException("listener", null, "must not be null");
		}
		this.listener = listener;
		return this;
	}

	/**
	 * The Micrometer registry every operation is observed in, as
	 * {@code dynamodown.operation}; default none: nothing is observed. Needs
	 * {@code io.micrometer:micrometer-observation} on the class path.
	 * @param registry the registry
	 * @return this builder
	 */
	public LevelDbBuilder observationRegistry(ObservationRegistry registry) {
		if (registry == null) {
			throw new InvalidOptionException("observationRegistry", null, "must not be null");
		}
		this.observationRegistry = registry;
		return this;
	}

	/**
	 * The convention naming the observations and their keys, in place of
	 * {@link io.dynamodown.observation.DefaultStoreObservationConvention}; used only with
	 * an {@link #observationRegistry(ObservationRegistry) observation registry}.
	 * @param convention the convention
	 * @return this builder
	 */
	public LevelDbBuilder observationConvention(StoreObservationConvention convention) {
		if (convention == null) {
			throw new InvalidOptionException("observationConvention", null, "must not be null");
		}
		this.observationConvention = convention;
		return this;
	}

	/**
	 * How unprocessed items and keys and cancelled transactions are retried; default
	 * {@link RetryPolicy#DEFAULT}.
	 * @param retryPolicy the policy
	 * @return this builder
	 */
	public LevelDbBuilder retryPolicy(RetryPolicy retryPolicy) {
		this.options.retryPolicy(retryPolicy);
		return this;
	}

	/**
	 * Whether iterators request the next page while the current one is consumed; default
	 * {@code true}.
	 * @param readAhead read ahead
	 * @return this builder
	 */
	public LevelDbBuilder readAhead(boolean readAhead) {
		this.options.readAhead(readAhead);
		return this;
	}

	/**
	 * The most requests one bulk write, {@code clear} or {@code getMany} sends at once;
	 * default {@value #DEFAULT_CONCURRENCY}. Use 1 to send them one after the other.
	 * @param concurrency at least 1
	 * @return this builder
	 */
	public LevelDbBuilder concurrency(int concurrency) {
		this.options.concurrency(concurrency);
		return this;
	}

	/**
	 * The largest value the store writes and reads, counted both before and after
	 * compression; default {@value #DEFAULT_MAX_VALUE_SIZE} (16 MiB). A larger value is
	 * refused with {@link ErrorCode#INVALID_VALUE} before any request; a stored item that
	 * declares or decompresses to more is refused with {@link ErrorCode#CORRUPT_ITEM}
	 * without being read past the limit. A value too large for one DynamoDB item (400 KB
	 * with its key and attribute names) is stored in chunk items of its own: see
	 * {@link LevelDb#repair()}.
	 * @param bytes 1 to {@value #MAX_VALUE_SIZE_LIMIT}
	 * @return this builder
	 */
	public LevelDbBuilder maxValueSize(long bytes) {
		this.options.maxValueSize(bytes);
		return this;
	}

	/**
	 * The most stored bytes of large (chunked) values the store reads at once, over all
	 * threads; default {@value #DEFAULT_READ_BUDGET} (16 MiB). A read of large values
	 * first takes their stored length from this budget (at most all of it) and waits, in
	 * arrival order, while other reads hold it; so many concurrent reads of large values
	 * are answered one budget at a time, each within the request timeouts, and the heap
	 * they take is bounded by the budget. The wait itself has no timeout.
	 * @param bytes 1 to {@value Integer#MAX_VALUE}
	 * @return this builder
	 * @throws InvalidOptionException for a budget out of range
	 */
	public LevelDbBuilder readBudget(long bytes) {
		this.options.readBudget(bytes);
		return this;
	}

	/**
	 * How values are compressed before they are stored; default
	 * {@link Compression#DEFAULT} (deflate at level {@value Compression#DEFAULT_LEVEL}).
	 * @param compression the setting, {@link Compression#none()} to store values as they
	 * are
	 * @return this builder
	 */
	public LevelDbBuilder compression(Compression compression) {
		this.options.compression(compression);
		return this;
	}

	/**
	 * How many partition keys the database spreads its keys over; default 1, the layout
	 * of a database without shards (its items under the hash key itself). One partition
	 * key of DynamoDB takes about 1,000 write and 3,000 read units a second; a database
	 * of n shards takes n times that, for keys that only grow (time-ordered) as for any
	 * other. Point operations go to their key's shard in one request, as before; many-key
	 * reads, bulk writes and atomic batches mix shards in their requests; ordered
	 * iteration merges one query per shard (so a limit L reads up to L items from each
	 * shard, and a full scan reads the shards concurrently).
	 * <p>
	 * The count belongs to the database: it is recorded on the database's first open, and
	 * opening it with another count fails with {@link ErrorCode#SCHEMA_MISMATCH}. A
	 * database written before shard counts were recorded has 1 shard. To change the
	 * count, copy the database into a new one ({@link LevelDb#copyTo(LevelDb)}). With
	 * more than one shard the hash key is limited to 2048 bytes less the U+0000 and
	 * digits its shards' partition keys add (see {@link #hashKey(String)}).
	 * @param shards 1 to {@value LevelDbOptions#MAX_SHARDS}
	 * @return this builder
	 * @throws InvalidOptionException naming {@code shards}, the rule and the value,
	 * before any request
	 */
	public LevelDbBuilder shards(int shards) {
		this.options.shards(shards);
		return this;
	}

	/**
	 * How long {@link #open()} waits for the table to become {@code ACTIVE}; default 5
	 * minutes.
	 * @param activeTimeout the longest wait
	 * @return this builder
	 */
	public LevelDbBuilder activeTimeout(Duration activeTimeout) {
		this.options.activeTimeout(activeTimeout);
		return this;
	}

	/**
	 * How long {@link LevelDb#close()} waits for operations in flight; default 30
	 * seconds.
	 * @param closeTimeout the longest wait
	 * @return this builder
	 */
	public LevelDbBuilder closeTimeout(Duration closeTimeout) {
		this.options.closeTimeout(closeTimeout);
		return this;
	}

	/**
	 * The longest one DynamoDB request may take, the SDK's retries included; default
	 * {@link #DEFAULT_TIMEOUT 10 seconds}. A request that takes longer fails with
	 * {@link ErrorCode#TIMEOUT}. It bounds every request the store sends, table open
	 * included; an operation of several requests (a bulk write, a scan) may take longer
	 * as a whole.
	 * @param timeout a positive duration, not shorter than the attempt timeout
	 * @return this builder
	 */
	public LevelDbBuilder timeout(Duration timeout) {
		this.options.timeout(timeout);
		return this;
	}

	/**
	 * The longest one attempt of a DynamoDB request may take before the SDK gives up on
	 * it (and retries it if its retry strategy allows); default
	 * {@link #DEFAULT_ATTEMPT_TIMEOUT 2 seconds}.
	 * @param attemptTimeout a positive duration, not longer than
	 * {@link #timeout(Duration)}
	 * @return this builder
	 */
	public LevelDbBuilder attemptTimeout(Duration attemptTimeout) {
		this.options.attemptTimeout(attemptTimeout);
		return this;
	}

	/**
	 * The store's notion of now for expiry; default the system clock. A key put with a
	 * time to live is absent, for every read and every condition, from the whole second
	 * at or after now plus its time to live, by this clock. DynamoDB's own deletion of
	 * expired items follows its clock, later.
	 * @param clock the clock
	 * @return this builder
	 * @throws InvalidOptionException when the clock is {@code null}
	 */
	public LevelDbBuilder clock(Clock clock) {
		this.options.clock(clock);
		return this;
	}

	/**
	 * The DynamoDB Streams client that subscriptions read the table's stream with
	 * ({@link LevelDb#subscribe}); the store never closes it. Like the listener, it is
	 * not an option. Without one, the first subscription builds one from the DynamoDB
	 * client's region, credentials, endpoint override, retry strategy and timeouts, which
	 * the store closes with itself; that needs this setting when the DynamoDB client's
	 * endpoint override names an AWS host (DynamoDB Streams has endpoints of its own).
	 * @param streamsClient the client
	 * @return this builder
	 * @throws InvalidOptionException when the client is {@code null}
	 */
	public LevelDbBuilder streamsClient(DynamoDbStreamsClient streamsClient) {
		if (streamsClient == null) {
			throw new InvalidOptionException("streamsClient", null, "must not be null");
		}
		this.streamsClient = streamsClient;
		return this;
	}

	/**
	 * Takes every option at once from a value built and checked apart from the client;
	 * the listener and the observation settings are not options and stay as they are.
	 * @param options the options
	 * @return this builder
	 * @throws InvalidOptionException when {@code options} is {@code null}
	 */
	public LevelDbBuilder options(@Nullable LevelDbOptions options) {
		if (options == null) {
			throw new InvalidOptionException("options", null, "must not be null");
		}
		this.options = options.toBuilder();
		return this;
	}

	/**
	 * Opens the store: checks the options, then makes the table ready (see
	 * {@link #createIfMissing(boolean)} and {@link #errorIfExists(boolean)}) and settles
	 * the database's shard count. A table the store creates gets DynamoDB's TTL enabled
	 * on the expiry attribute ({@link AttributeNames#ttl()}) and a stream of
	 * {@code NEW_AND_OLD_IMAGES} for {@link LevelDb#subscribe}; for an existing table
	 * whose TTL is off or on another attribute a warning is logged (reads stay correct,
	 * only DynamoDB's deletion of expired keys is missing), and its stream is left as it
	 * is. The shard count is read from the database's descriptor (one {@code GetItem}),
	 * or recorded there on the database's first open.
	 * @return the open store
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for an invalid table,
	 * hash key or timeout, {@link ErrorCode#TABLE_MISSING},
	 * {@link ErrorCode#TABLE_EXISTS} or {@link ErrorCode#SCHEMA_MISMATCH} from the
	 * table's state, {@link ErrorCode#SCHEMA_MISMATCH} naming both counts when the
	 * database has another shard count
	 */
	public LevelDb open() {
		LevelDbOptions checked = this.options.build();
		OperationObserver observer = observer(checked);
		return observer.observe("open", 0, () -> Errors.call(() -> {
			Timeouts timeouts = new Timeouts(checked.attemptTimeout(), checked.timeout());
			KeyLayout layout = new KeyLayout(checked.table(), checked.hashKey(), checked.attributeNames(),
					checked.shards());
			RequestRunner runner = new RequestRunner(this.client, checked.table(), this.listener, timeouts);
			boolean created = new TableManager(runner, layout).open(checked.createIfMissing(), checked.errorIfExists(),
					checked.billing(), checked.activeTimeout());
			new Descriptor(runner, layout).settle(created);
			TableManager status = new TableManager(
					new RequestRunner(this.client, checked.table(), this.listener, timeouts.oneAttempt()), layout);
			StoreLifecycle lifecycle = new StoreLifecycle(checked.table() + "/" + checked.hashKey(),
					checked.closeTimeout());
			DynamoStorage storage = new DynamoStorage(layout, runner, checked.retryPolicy(), checked.consistentReads(),
					lifecycle.executor(), checked.concurrency(), new ExpiryClock(checked.clock()), encoder(checked),
					checked.readBudget());
			ChangeFeed feed = new ChangeFeed(runner, layout, status, storage, checked.clock(),
					new StreamsClients(this.client, this.streamsClient), checked.closeTimeout());
			return new DynamoLevelDb(
					new StoreContext(lifecycle, storage, status, layout, checked.readAhead(), observer, feed),
					new byte[0]);
		}));
	}

	private static ValueEncoder encoder(LevelDbOptions options) {
		Compression compression = options.compression();
		byte codec = (compression.codec() == Compression.Codec.DEFLATE) ? Codecs.DEFLATE : Codecs.NONE;
		return new ValueEncoder(codec, compression.level(), options.maxValueSize());
	}

	private OperationObserver observer(LevelDbOptions options) {
		ObservationRegistry registry = this.observationRegistry;
		if (registry == null) {
			return OperationObserver.NONE;
		}
		return new MicrometerObserver(registry, this.observationConvention, options.table(), options.hashKey(),
				LevelDbBuilder::errorCode);
	}

	private static String errorCode(RuntimeException failure) {
		if (failure instanceof LevelDbException exception) {
			return exception.code().name();
		}
		if (failure instanceof StoreFailure internal) {
			return Errors.toPublic(internal, 0).code().name();
		}
		return ErrorCode.REQUEST_FAILED.name();
	}

}
