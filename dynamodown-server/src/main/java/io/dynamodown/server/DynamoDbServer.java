package io.dynamodown.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dynamodown.server.internal.engine.Engine;
import io.dynamodown.server.internal.engine.PartitionLimiter;
import io.dynamodown.server.internal.protocol.Authenticator;
import io.dynamodown.server.internal.protocol.ProtocolServer;
import io.dynamodown.server.internal.protocol.RequestExecutor;
import io.dynamodown.server.internal.stream.StreamOptions;

/**
 * A DynamoDB-compatible HTTP server, listening on {@code 127.0.0.1} only, so that nothing
 * outside this machine can reach it.
 * <p>
 * It answers DynamoDB's JSON protocol as DynamoDB does, with its checks, error types and
 * messages. Requests must be signed with Signature Version 4, as DynamoDB requires; by
 * default any credentials are accepted without verifying the signature, while
 * {@link Builder#credentials(String, String)} makes the server accept only its own key
 * pair and verify every signature. Data lives in memory unless a
 * {@link Builder#directory(Path) directory} is given. Throughput is not limited unless
 * {@link Builder#partitionThroughput(long, long)} caps each partition-key value as
 * DynamoDB caps a partition.
 * <p>
 * Typical use: <pre class="code">
 * try (DynamoDbServer server = DynamoDbServer.builder().start()) {
 *     DynamoDbClient client = DynamoDbClient.builder()
 *         .endpointOverride(server.endpoint())
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(
 *             AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
 *         .build();
 * }
 * </pre>
 * <p>
 * Instances are thread-safe. The thread that accepts connections is a daemon thread only
 * if the one that started the server is, so a server started from an ordinary thread
 * keeps the JVM alive until it is closed; the threads that serve requests are daemon
 * threads.
 */
public final class DynamoDbServer implements AutoCloseable {

	/**
	 * The key pair {@link #accessKeyId()} and {@link #secretAccessKey()} return when the
	 * server accepts any credentials.
	 */
	private static final String PLACEHOLDER_CREDENTIAL = "dynamodown";

	private static final Logger logger = LoggerFactory.getLogger(DynamoDbServer.class);

	private final ProtocolServer server;

	private final RequestExecutor executor;

	private final @Nullable Engine engine;

	private final URI endpoint;

	private final String accessKeyId;

	private final String secretAccessKey;

	private final boolean ownCredentials;

	private final boolean databasePerAccessKey;

	private final PartitionThroughput partitionThroughput;

	private boolean closed;

	private DynamoDbServer(ProtocolServer server, RequestExecutor executor, @Nullable Engine engine, String accessKeyId,
			String secretAccessKey, boolean ownCredentials, boolean databasePerAccessKey,
			PartitionThroughput partitionThroughput) {
		this.server = server;
		this.executor = executor;
		this.engine = engine;
		this.endpoint = URI.create("http://127.0.0.1:" + server.port());
		this.accessKeyId = accessKeyId;
		this.secretAccessKey = secretAccessKey;
		this.ownCredentials = ownCredentials;
		this.databasePerAccessKey = databasePerAccessKey;
		this.partitionThroughput = partitionThroughput;
	}

	/**
	 * Returns a builder of a server: in memory, on a free port, accepting any
	 * credentials, one database shared by all of them, tables active at once.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Runs a server until the JVM stops and prints its endpoint on standard output.
	 * Flags: {@code --port <port>} (default 8000, 0 for a free one),
	 * {@code --path <directory>} (default: in memory), {@code --require-signature}
	 * (accept only the key pair of the environment's {@code AWS_ACCESS_KEY_ID} and
	 * {@code AWS_SECRET_ACCESS_KEY} and verify signatures),
	 * {@code --database-per-access-key}, {@code --table-status-delay <milliseconds>},
	 * {@code --partition-read-units <units>} and {@code --partition-write-units <units>}
	 * (the capacity units a second each partition-key value may consume; default 0, no
	 * limit), {@code --stream-open-shards <n>}, {@code --stream-shard-rollover <seconds>}
	 * and {@code --help}.
	 * @param args the flags
	 */
	public static void main(String[] args) {
		if (CommandLine.wantsHelp(args)) {
			System.out.println(CommandLine.USAGE);
			return;
		}
		Builder builder;
		try {
			builder = CommandLine.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(CommandLine.USAGE);
			System.exit(2);
			return;
		}
		DynamoDbServer server = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynamodown-server-shutdown"));
		System.out.println(server.endpoint());
	}

	/**
	 * Returns the endpoint of this server, {@code http://127.0.0.1:<port>}.
	 * @return the endpoint, also after {@link #close()}
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Returns the port this server listens on.
	 * @return the port, also after {@link #close()}
	 */
	public int port() {
		return this.endpoint.getPort();
	}

	/**
	 * Returns the address the listening socket is bound to, as the operating system
	 * reports it (always a loopback address).
	 * @return the bound address
	 */
	public InetSocketAddress address() {
		return this.server.address();
	}

	/**
	 * Deletes every item whose time to live has passed, by the server's clock, now rather
	 * than at the next background sweep (which runs every second). Items stay readable
	 * until one of them reaches them, as on DynamoDB.
	 * @return the number of items deleted
	 */
	public int expireItems() {
		return (this.engine != null) ? this.engine.expireItems() : 0;
	}

	/**
	 * Returns the capacity units each partition-key value of a table may consume a
	 * second.
	 * @return the caps, {@link PartitionThroughput#UNLIMITED} unless the builder set some
	 */
	public PartitionThroughput partitionThroughput() {
		return this.partitionThroughput;
	}

	/**
	 * Returns the number of requests that the
	 * {@link Builder#partitionThroughput(long, long) partition caps} held back since the
	 * server started, in whole or in part: answered with
	 * {@code ProvisionedThroughputExceededException}, cancelled with a
	 * {@code ThrottlingError}, or a batch that returned throttled items unprocessed
	 * (counted once). A client that retries makes one more request for each.
	 * @return the count, {@code 0} without caps
	 */
	public long throttledRequests() {
		return (this.engine != null) ? this.engine.throttledRequests() : 0;
	}

	/**
	 * Returns the access key id clients sign with: the server's own when it has one
	 * ({@link Builder#credentials(String, String)} or
	 * {@link Builder#randomCredentials()}), otherwise a placeholder that the server
	 * accepts like any other.
	 * @return the access key id
	 */
	public String accessKeyId() {
		return this.accessKeyId;
	}

	/**
	 * Returns the secret access key that belongs to {@link #accessKeyId()}.
	 * @return the secret access key
	 */
	public String secretAccessKey() {
		return this.secretAccessKey;
	}

	/**
	 * Stops listening, closes all connections, waits briefly for running requests and
	 * releases the data (which is gone unless kept in a directory). Closing twice does
	 * nothing.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		this.server.close();
		this.executor.close();
		logger.debug("DynamoDB server at {} closed", this.endpoint);
	}

	@Override
	public String toString() {
		return "DynamoDbServer[endpoint=" + this.endpoint + ", credentials=" + (this.ownCredentials ? "own" : "any")
				+ ", databasePerAccessKey=" + this.databasePerAccessKey + ", partitionThroughput="
				+ this.partitionThroughput + "]";
	}

	/**
	 * Builds and starts a {@link DynamoDbServer}. A builder may start several servers,
	 * each with the settings it has at the time.
	 */
	public static final class Builder {

		/**
		 * An access key id ends where Signature Version 4's {@code Authorization} header
		 * or credential scope does.
		 */
		private static final Pattern ACCESS_KEY_ID = Pattern.compile("[^/,=\\s]+");

		private static final char[] KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

		private static final char[] SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
			.toCharArray();

		private int port;

		private @Nullable Path directory;

		private Clock clock = Clock.systemUTC();

		private Duration tableStatusDelay = Duration.ZERO;

		private @Nullable String accessKeyId;

		private @Nullable String secretKey;

		private boolean randomCredentials;

		private boolean databasePerAccessKey;

		private PartitionThroughput partitionThroughput = PartitionThroughput.UNLIMITED;

		private StreamOptions streamOptions = StreamOptions.DEFAULT;

		private Builder() {
		}

		/**
		 * The port to listen on; default {@code 0}, a free port the operating system
		 * picks while binding, so that no other process can take it in between.
		 * @param port {@code 0} to {@code 65535}
		 * @return this builder
		 * @throws IllegalArgumentException if the port is outside {@code 0..65535}
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("'port' must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Keeps the data in a directory, so that it survives a restart on the same
		 * directory; by default it lives in memory and is gone on close.
		 * @param directory the directory
		 * @return this builder
		 * @throws NullPointerException if the directory is {@code null}
		 */
		public Builder directory(Path directory) {
			this.directory = Objects.requireNonNull(directory, "'directory' must not be null");
			return this;
		}

		/**
		 * The clock of table status changes, time to live, idempotency windows, the
		 * refill of {@link #partitionThroughput(long, long) partition caps} and streams
		 * (shard rollover, retention, iterator expiry); default the system clock.
		 * Signatures are always checked against the system clock, as clients sign with
		 * it.
		 * @param clock the clock
		 * @return this builder
		 * @throws NullPointerException if the clock is {@code null}
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
			return this;
		}

		/**
		 * How long a table stays {@code CREATING}, {@code UPDATING} or {@code DELETING};
		 * default zero, so that tables are usable at once.
		 * @param tableStatusDelay zero or more
		 * @return this builder
		 * @throws NullPointerException if the delay is {@code null}
		 * @throws IllegalArgumentException if the delay is negative
		 */
		public Builder tableStatusDelay(Duration tableStatusDelay) {
			Objects.requireNonNull(tableStatusDelay, "'tableStatusDelay' must not be null");
			if (tableStatusDelay.isNegative()) {
				throw new IllegalArgumentException("'tableStatusDelay' must not be negative, was " + tableStatusDelay);
			}
			this.tableStatusDelay = tableStatusDelay;
			return this;
		}

		/**
		 * Accepts only requests signed with this key pair, verifying each signature as
		 * DynamoDB does: another access key id is refused with
		 * {@code UnrecognizedClientException}, a wrong signature with
		 * {@code InvalidSignatureException}.
		 * @param accessKeyId the access key id: no slash, comma, equals sign or
		 * whitespace
		 * @param secretKey the secret access key, not empty
		 * @return this builder
		 * @throws NullPointerException if either is {@code null}
		 * @throws IllegalArgumentException if either is not valid
		 */
		public Builder credentials(String accessKeyId, String secretKey) {
			Objects.requireNonNull(accessKeyId, "'accessKeyId' must not be null");
			Objects.requireNonNull(secretKey, "'secretKey' must not be null");
			if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
				throw new IllegalArgumentException(
						"'accessKeyId' must be one or more characters other than '/', ',', '=' and whitespace");
			}
			if (secretKey.isEmpty()) {
				throw new IllegalArgumentException("'secretKey' must not be empty");
			}
			this.accessKeyId = accessKeyId;
			this.secretKey = secretKey;
			this.randomCredentials = false;
			return this;
		}

		/**
		 * Like {@link #credentials(String, String)} with a key pair drawn at random for
		 * each start; {@link DynamoDbServer#accessKeyId()} and
		 * {@link DynamoDbServer#secretAccessKey()} tell it.
		 * @return this builder
		 */
		public Builder randomCredentials() {
			this.accessKeyId = null;
			this.secretKey = null;
			this.randomCredentials = true;
			return this;
		}

		/**
		 * Accepts requests with any credentials, as long as they carry a complete
		 * Signature Version 4 signature, whose value is not checked; the default.
		 * @return this builder
		 */
		public Builder anyCredentials() {
			this.accessKeyId = null;
			this.secretKey = null;
			this.randomCredentials = false;
			return this;
		}

		/**
		 * Whether each access key id sees a database of its own, so that several users of
		 * one server (test contexts, for example) do not see each other's tables; default
		 * {@code false}, one database shared by all.
		 * @param databasePerAccessKey whether each access key id has its own database
		 * @return this builder
		 */
		public Builder databasePerAccessKey(boolean databasePerAccessKey) {
			this.databasePerAccessKey = databasePerAccessKey;
			return this;
		}

		/**
		 * Limits the capacity units each partition-key value of a table may consume a
		 * second, as DynamoDB limits a partition (about 3,000 read and 1,000 write units;
		 * see {@link PartitionThroughput#DYNAMODB}); {@code 0} leaves reads or writes
		 * unlimited, the default. A request past its partition's cap is answered as
		 * DynamoDB answers it: {@code ProvisionedThroughputExceededException}, throttled
		 * items of a batch as unprocessed, a transaction cancelled with a
		 * {@code ThrottlingError}; it consumes and changes nothing. Each partition-key
		 * value may consume one second of its cap at once and refills at the cap, by the
		 * server's {@link #clock(Clock) clock}.
		 * @param readUnitsPerSecond the read capacity units a second, {@code 0} for no
		 * limit
		 * @param writeUnitsPerSecond the write capacity units a second, {@code 0} for no
		 * limit
		 * @return this builder
		 * @throws IllegalArgumentException if either is negative
		 */
		public Builder partitionThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {
			return partitionThroughput(new PartitionThroughput(readUnitsPerSecond, writeUnitsPerSecond));
		}

		/**
		 * Limits the capacity units each partition-key value of a table may consume a
		 * second, as {@link #partitionThroughput(long, long)} does.
		 * @param partitionThroughput the caps, {@link PartitionThroughput#UNLIMITED} by
		 * default
		 * @return this builder
		 * @throws NullPointerException if the caps are {@code null}
		 */
		public Builder partitionThroughput(PartitionThroughput partitionThroughput) {
			this.partitionThroughput = Objects.requireNonNull(partitionThroughput,
					"'partitionThroughput' must not be null");
			return this;
		}

		/**
		 * How many shards of a stream are open at once; default 1. An item's records
		 * always go to the same open shard, chosen by its partition key's place on the
		 * hash ring, so that they are in the order of its changes; several open shards
		 * let tests see records of different items in different shards, as DynamoDB's
		 * partitions do.
		 * @param openShards 1 to 1000
		 * @return this builder
		 * @throws IllegalArgumentException if the number is outside {@code 1..1000}
		 */
		public Builder streamOpenShards(int openShards) {
			if (openShards < 1 || openShards > StreamOptions.MAX_OPEN_SHARDS) {
				throw new IllegalArgumentException("'streamOpenShards' must be between 1 and "
						+ StreamOptions.MAX_OPEN_SHARDS + ", was " + openShards);
			}
			this.streamOptions = new StreamOptions(openShards, this.streamOptions.shardRollover());
			return this;
		}

		/**
		 * How long a stream's shard stays open before it is closed and a child shard,
		 * whose {@code ParentShardId} names it, takes its place; default 4 hours, about a
		 * shard's life on DynamoDB. Measured on the server's {@link #clock(Clock) clock};
		 * a short period lets tests see shards roll over.
		 * @param shardRollover more than zero
		 * @return this builder
		 * @throws NullPointerException if the period is {@code null}
		 * @throws IllegalArgumentException if it is zero or negative
		 */
		public Builder streamShardRollover(Duration shardRollover) {
			Objects.requireNonNull(shardRollover, "'streamShardRollover' must not be null");
			if (shardRollover.isNegative() || shardRollover.isZero()) {
				throw new IllegalArgumentException(
						"'streamShardRollover' must be more than zero, was " + shardRollover);
			}
			this.streamOptions = new StreamOptions(this.streamOptions.openShards(), shardRollover);
			return this;
		}

		/**
		 * Starts a server with these settings.
		 * @return the running server; close it to stop it and free the port
		 * @throws IllegalStateException if the server cannot start, for example because
		 * the port is in use
		 */
		public DynamoDbServer start() {
			PartitionLimiter limiter = new PartitionLimiter(this.clock, this.partitionThroughput.readUnitsPerSecond(),
					this.partitionThroughput.writeUnitsPerSecond());
			Engine engine = new Engine(this.clock, this.tableStatusDelay, this.directory, limiter, this.streamOptions);
			return start(new EngineExecutor(engine), engine);
		}

		/**
		 * Starts a server whose requests another executor runs.
		 */
		DynamoDbServer start(RequestExecutor executor) {
			return start(executor, null);
		}

		private DynamoDbServer start(RequestExecutor executor, @Nullable Engine engine) {
			long startNanos = System.nanoTime();
			boolean own = this.randomCredentials || this.accessKeyId != null;
			String keyId = PLACEHOLDER_CREDENTIAL;
			String secret = PLACEHOLDER_CREDENTIAL;
			if (this.randomCredentials) {
				SecureRandom random = new SecureRandom();
				keyId = "DDDN" + random(random, KEY_ID_ALPHABET, 16);
				secret = random(random, SECRET_ALPHABET, 40);
			}
			else if (this.accessKeyId != null && this.secretKey != null) {
				keyId = this.accessKeyId;
				secret = this.secretKey;
			}
			Authenticator authenticator = own ? Authenticator.ownCredentials(keyId, secret)
					: Authenticator.anyCredentials();
			ProtocolServer server;
			try {
				server = ProtocolServer.start(this.port, authenticator, this.databasePerAccessKey, executor);
			}
			catch (IOException | RuntimeException ex) {
				executor.close();
				throw new IllegalStateException("The server could not listen on 127.0.0.1:" + this.port, ex);
			}
			DynamoDbServer started = new DynamoDbServer(server, executor, engine, keyId, secret, own,
					this.databasePerAccessKey, this.partitionThroughput);
			logger.debug("{} started in {} ms", started, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
			return started;
		}

		private static String random(SecureRandom random, char[] alphabet, int length) {
			char[] chars = new char[length];
			for (int i = 0; i < length; i++) {
				chars[i] = alphabet[random.nextInt(alphabet.length)];
			}
			return new String(chars);
		}

	}

}
