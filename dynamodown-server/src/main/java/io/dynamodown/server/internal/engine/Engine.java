package io.dynamodown.server.internal.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.expression.Expressions;
import io.dynamodown.server.internal.stream.StreamLog;
import io.dynamodown.server.internal.stream.StreamOptions;
import io.dynamodown.server.internal.validation.RequestValidator;

/**
 * The databases of one server and the operations on them, DynamoDB's and DynamoDB
 * Streams': takes a parsed request body, validates it in DynamoDB's order (request shape
 * first, then the table), executes it and returns the answer's body. Expired items are
 * deleted, and streams trimmed, by a background sweep every second.
 */
public final class Engine implements AutoCloseable {

	/**
	 * The operations of the {@code DynamoDB_20120810} target this engine answers: those
	 * it executes and the PartiQL ones, which it refuses.
	 */
	public static final Set<String> OPERATIONS = Set.of("BatchExecuteStatement", "BatchGetItem", "BatchWriteItem",
			"CreateTable", "DeleteItem", "DeleteTable", "DescribeTable", "DescribeTimeToLive", "ExecuteStatement",
			"ExecuteTransaction", "GetItem", "ListTables", "PutItem", "Query", "Scan", "TransactGetItems",
			"TransactWriteItems", "UpdateItem", "UpdateTable", "UpdateTimeToLive");

	/**
	 * The operations of the {@code DynamoDBStreams_20120810} target this engine answers.
	 */
	public static final Set<String> STREAMS_OPERATIONS = RequestValidator.streamsOperations();

	/**
	 * The PartiQL operations: answered with a ValidationException that says so, rather
	 * than an unknown operation, so that a client learns why its statement failed.
	 */
	private static final Set<String> PARTIQL = Set.of("BatchExecuteStatement", "ExecuteStatement",
			"ExecuteTransaction");

	private static final Logger logger = LoggerFactory.getLogger(Engine.class);

	private static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

	private final Clock clock;

	private final Duration tableStatusDelay;

	private final Map<String, Operation> operations = new LinkedHashMap<>();

	private final Map<String, Database> databases = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sweeper;

	private final @Nullable FileJournal fileJournal;

	private final PartitionLimiter limiter;

	private final StreamOptions streamOptions;

	/**
	 * Creates an engine.
	 * @param clock the clock of table status changes, TTL, idempotency windows and
	 * streams
	 * @param tableStatusDelay how long a table stays {@code CREATING}, {@code UPDATING}
	 * or {@code DELETING}
	 * @param directory where data is kept on disk, or {@code null} for memory only
	 * @param limiter the throughput limits of each partition-key value
	 * @param streamOptions how streams lay out their shards
	 */
	public Engine(Clock clock, Duration tableStatusDelay, @Nullable Path directory, PartitionLimiter limiter,
			StreamOptions streamOptions) {
		this.clock = clock;
		this.tableStatusDelay = tableStatusDelay;
		this.limiter = limiter;
		this.streamOptions = streamOptions;
		IdempotencyTokens tokens = new IdempotencyTokens();
		this.operations.put("BatchGetItem", new BatchGetItem());
		this.operations.put("BatchWriteItem", new BatchWriteItem());
		this.operations.put("CreateTable", new CreateTable());
		this.operations.put("DeleteItem", new DeleteItem());
		this.operations.put("DeleteTable", new DeleteTable());
		this.operations.put("DescribeTable", new DescribeTable());
		this.operations.put("DescribeTimeToLive", new DescribeTimeToLive());
		this.operations.put("GetItem", new GetItem());
		this.operations.put("ListTables", new ListTables());
		this.operations.put("PutItem", new PutItem());
		this.operations.put("Query", new Query());
		this.operations.put("Scan", new Scan());
		this.operations.put("TransactGetItems", new TransactGetItems());
		this.operations.put("TransactWriteItems", new TransactWriteItems(tokens));
		this.operations.put("UpdateItem", new UpdateItem());
		this.operations.put("UpdateTable", new UpdateTable());
		this.operations.put("UpdateTimeToLive", new UpdateTimeToLive());
		this.operations.put("ListStreams", new ListStreams());
		this.operations.put("DescribeStream", new DescribeStream());
		this.operations.put("GetShardIterator", new GetShardIterator());
		this.operations.put("GetRecords", new GetRecords());
		this.fileJournal = (directory != null) ? openData(directory) : null;
		this.sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dynamodown-server-ttl");
			thread.setDaemon(true);
			return thread;
		});
		this.sweeper.scheduleWithFixedDelay(this::sweepQuietly, SWEEP_PERIOD.toMillis(), SWEEP_PERIOD.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Executes one operation.
	 * @param operation the operation, one of {@link #OPERATIONS} or
	 * {@link #STREAMS_OPERATIONS}
	 * @param body the parsed JSON body (maps, lists, strings, {@code BigDecimal}s,
	 * booleans, {@code null}s)
	 * @param account the database the request addresses (one per access key id, or one
	 * shared by all)
	 * @return the answer's JSON body
	 * @throws DynamoDbError with DynamoDB's error for a bad request or a failed condition
	 */
	public Map<String, Object> execute(String operation, Map<String, Object> body, String account) {
		if (PARTIQL.contains(operation)) {
			throw DynamoDbError
				.validation("PartiQL is not supported by this server (" + operation + "); use the item operations");
		}
		Operation handler = this.operations.get(operation);
		if (handler == null) {
			throw DynamoDbError.withoutMessage(DynamoDbError.SERVICE, "UnknownOperationException", 400);
		}
		Map<String, Object> request = RequestValidator.validate(operation, body, Expressions::parse);
		return handler.execute(database(account), request);
	}

	/**
	 * Deletes every expired item now, instead of waiting for the next sweep.
	 * @return the number of items deleted
	 */
	public int expireItems() {
		int deleted = 0;
		for (Database database : this.databases.values()) {
			deleted += TimeToLiveSweeper.sweep(database);
		}
		return deleted;
	}

	/**
	 * Returns the number of requests the partition limits held back so far, in whole or
	 * in part.
	 * @return the count
	 */
	public long throttledRequests() {
		return this.limiter.throttledRequests();
	}

	private void sweepQuietly() {
		try {
			expireItems();
			for (Database database : this.databases.values()) {
				database.streams().maintain(this.clock.instant());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Expired items could not be deleted or streams trimmed", ex);
		}
	}

	private Database database(String account) {
		return this.databases.computeIfAbsent(account,
				(key) -> new Database(this.clock, this.tableStatusDelay,
						(this.fileJournal != null) ? this.fileJournal.forAccount(key) : Journal.NONE, this.limiter,
						new StreamLog(this.streamOptions)));
	}

	private FileJournal openData(Path directory) {
		FileJournal journal = FileJournal.open(directory, this::database);
		journal.compact(this.databases);
		this.databases.forEach((account, database) -> {
			database.journal(journal.forAccount(account));
			database.attachStreams();
		});
		return journal;
	}

	/**
	 * Stops background work and releases the disk, if any.
	 */
	@Override
	public void close() {
		this.sweeper.shutdownNow();
		if (this.fileJournal != null) {
			this.fileJournal.close();
		}
	}

}
