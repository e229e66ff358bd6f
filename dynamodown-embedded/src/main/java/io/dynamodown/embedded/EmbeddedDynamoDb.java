package io.dynamodown.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dynamodown.server.DynamoDbServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * The project's DynamoDB-compatible server ({@link DynamoDbServer}) running in-process,
 * in memory or on disk, on a loopback port.
 * <p>
 * The server listens on {@code 127.0.0.1} only, so nothing outside this machine can reach
 * it, on a port the operating system picks while binding. Started with {@link #start()},
 * {@link #start(int)} or {@link #start(Path)}, it accepts any credentials, and all
 * credentials and regions share one database, so any client pointed at
 * {@link #endpoint()} sees the same tables; {@link #startWithDatabasePerAccessKey()}
 * keeps one database per access key id instead, and
 * {@link #startRequiringSignature(Path)} accepts only requests signed with its own random
 * credentials. In memory (the default), the data is gone when the server is closed; with
 * a directory, it lives in one file of that directory ({@code dynamodown-server.data})
 * and survives restarts (and the process being killed: a write is in the file before it
 * is acknowledged). {@link #builder()} sets what the start methods do not: the clock,
 * DynamoDB's per-partition throughput caps, and how the server's DynamoDB Streams lay out
 * their shards (read with {@link #streamsClient()}).
 * <p>
 * Typical use: <pre class="code">
 * try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
 *     dynamoDb.client().listTables();
 * }
 * </pre>
 * <p>
 * Instances are thread-safe.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDynamoDb.class);

	private final DynamoDbServer server;

	private final int port;

	private final URI endpoint;

	private final @Nullable Path directory;

	private @Nullable DynamoDbClient client;

	private @Nullable DynamoDbStreamsClient streamsClient;

	private boolean closed;

	private EmbeddedDynamoDb(DynamoDbServer server, @Nullable Path directory) {
		this.server = server;
		this.directory = directory;
		this.port = server.port();
		this.endpoint = server.endpoint();
	}

	/**
	 * Starts the server in memory on a free loopback port. The operating system picks the
	 * port while binding, so no other process can take it in between.
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalStateException if the server cannot start
	 */
	public static EmbeddedDynamoDb start() {
		return start(0);
	}

	/**
	 * Starts the server in memory on the given loopback port.
	 * @param port the port to listen on, or {@code 0} for a free port picked by the
	 * operating system
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalArgumentException if the port is outside {@code 0..65535}
	 * @throws IllegalStateException if the server cannot start, for example because the
	 * port is in use
	 */
	public static EmbeddedDynamoDb start(int port) {
		return builder().port(port).start();
	}

	/**
	 * Starts the server in memory on a free loopback port with one database per access
	 * key id: clients with different access key ids see different tables, so that several
	 * users of one server (test contexts, for example) each get a database of their own.
	 * Build their clients with {@link #clientBuilder()} and credentials of their own;
	 * {@link #client()} sees the database of its own placeholder access key id.
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalStateException if the server cannot start
	 */
	public static EmbeddedDynamoDb startWithDatabasePerAccessKey() {
		return builder().databasePerAccessKey(true).start();
	}

	/**
	 * Starts the server on a free loopback port with an on-disk database in the given
	 * directory (one data file), created if needed, so that data survives a restart on
	 * the same directory and the process being killed.
	 * @param directory the directory of the database file
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalStateException if the directory cannot be created or the server
	 * cannot start
	 */
	public static EmbeddedDynamoDb start(Path directory) {
		return builder().directory(directory).start();
	}

	/**
	 * Starts the server on a free loopback port so that it accepts only requests signed
	 * (AWS Signature Version 4) with its own credentials, random for this start: other
	 * users of this machine cannot read or write its data. {@link #client()} and
	 * {@link #clientBuilder()} sign with them; {@link #accessKeyId()} and
	 * {@link #secretAccessKey()} return them for other clients. Other requests are
	 * answered as DynamoDB answers them ({@code UnrecognizedClientException},
	 * {@code InvalidSignatureException}).
	 * @param directory the directory of an on-disk database (created if needed), or
	 * {@code null} for one in memory
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalStateException if the directory cannot be created or the server
	 * cannot start
	 */
	public static EmbeddedDynamoDb startRequiringSignature(@Nullable Path directory) {
		Builder builder = builder().requireSignature(true);
		if (directory != null) {
			builder.directory(directory);
		}
		return builder.start();
	}

	/**
	 * Starts the server on the given loopback port, in memory or on disk, requiring
	 * requests to be signed with its own random credentials or accepting any: the
	 * combination of {@link #start(int)}, {@link #start(Path)} and
	 * {@link #startRequiringSignature(Path)} that configuration-driven callers (such as
	 * the Spring Boot starter) need.
	 * @param port the port to listen on, or {@code 0} for a free port picked by the
	 * operating system
	 * @param directory the directory of an on-disk database (created if needed), or
	 * {@code null} for one in memory
	 * @param requireSignature whether to accept only requests signed with the server's
	 * own credentials (see {@link #startRequiringSignature(Path)})
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalArgumentException if the port is outside {@code 0..65535}
	 * @throws IllegalStateException if the directory cannot be created or the server
	 * cannot start, for example because the port is in use
	 */
	public static EmbeddedDynamoDb start(int port, @Nullable Path directory, boolean requireSignature) {
		Builder builder = builder().port(port).requireSignature(requireSignature);
		if (directory != null) {
			builder.directory(directory);
		}
		return builder.start();
	}

	/**
	 * Returns a builder of an embedded server, for the settings the start methods do not
	 * take: a clock of the tests' own, and how DynamoDB Streams lay out their shards
	 * (several open at once, rolling over after a short period). By default it starts
	 * what {@link #start()} starts. For example, a test of a change feed that must see
	 * shards split and close: <pre class="code">
	 * try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.builder()
	 *         .streamOpenShards(4)
	 *         .streamShardRollover(Duration.ofSeconds(30))
	 *         .start()) {
	 *     DynamoDbStreamsClient streams = dynamoDb.streamsClient();
	 * }
	 * </pre>
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the access key id that {@link #client()} signs with: the server's own when
	 * it {@link #startRequiringSignature(Path) requires a signature}, otherwise a
	 * placeholder (the server accepts any).
	 * @return the access key id
	 */
	public String accessKeyId() {
		return this.server.accessKeyId();
	}

	/**
	 * Returns the secret access key that belongs to {@link #accessKeyId()}. Never log it.
	 * @return the secret access key
	 */
	public String secretAccessKey() {
		return this.server.secretAccessKey();
	}

	/**
	 * Returns the HTTP endpoint of this server, {@code http://127.0.0.1:<port>}.
	 * @return the endpoint, also after {@link #close()}
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Returns the directory of the on-disk database.
	 * @return the absolute directory, or {@code null} when the database is in memory
	 */
	public @Nullable Path directory() {
		return this.directory;
	}

	/**
	 * Returns the loopback port this server listens on.
	 * @return the port, also after {@link #close()}
	 */
	public int port() {
		return this.port;
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
		return this.server.throttledRequests();
	}

	/**
	 * Returns the address the listening socket is bound to, as the operating system
	 * reports it.
	 * @return the bound address
	 */
	InetSocketAddress boundAddress() {
		return this.server.address();
	}

	/**
	 * Returns the client shared by all users of this server: region {@code us-east-1},
	 * the static credentials of {@link #accessKeyId()} and {@link #secretAccessKey()} and
	 * the Apache HTTP client. It is built on first use and closed by {@link #close()}, so
	 * callers must not close it themselves.
	 * @return the shared client
	 * @throws IllegalStateException if this server is closed
	 */
	public synchronized DynamoDbClient client() {
		assertOpen();
		DynamoDbClient client = this.client;
		if (client == null) {
			client = newClientBuilder().build();
			this.client = client;
		}
		return client;
	}

	/**
	 * Returns a new client builder configured like {@link #client()}, for callers that
	 * need their own settings (retries, timeouts, interceptors, another HTTP client).
	 * Clients built from it belong to the caller, who closes them.
	 * @return a new builder for a client of this server
	 * @throws IllegalStateException if this server is closed
	 */
	public synchronized DynamoDbClientBuilder clientBuilder() {
		assertOpen();
		return newClientBuilder();
	}

	/**
	 * Returns the DynamoDB Streams client shared by all users of this server, configured
	 * like {@link #client()}: the server answers DynamoDB Streams on the same endpoint.
	 * It is built on first use and closed by {@link #close()}, so callers must not close
	 * it themselves.
	 * @return the shared streams client
	 * @throws IllegalStateException if this server is closed
	 */
	public synchronized DynamoDbStreamsClient streamsClient() {
		assertOpen();
		DynamoDbStreamsClient streams = this.streamsClient;
		if (streams == null) {
			streams = newStreamsClientBuilder().build();
			this.streamsClient = streams;
		}
		return streams;
	}

	/**
	 * Returns a new DynamoDB Streams client builder configured like
	 * {@link #streamsClient()}, for callers that need their own settings. Clients built
	 * from it belong to the caller, who closes them.
	 * @return a new builder for a streams client of this server
	 * @throws IllegalStateException if this server is closed
	 */
	public synchronized DynamoDbStreamsClientBuilder streamsClientBuilder() {
		assertOpen();
		return newStreamsClientBuilder();
	}

	private DynamoDbStreamsClientBuilder newStreamsClientBuilder() {
		return DynamoDbStreamsClient.builder()
			.endpointOverride(this.endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(this.server.accessKeyId(), this.server.secretAccessKey())))
			.httpClientBuilder(ApacheHttpClient.builder());
	}

	private DynamoDbClientBuilder newClientBuilder() {
		return DynamoDbClient.builder()
			.endpointOverride(this.endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(this.server.accessKeyId(), this.server.secretAccessKey())))
			.httpClientBuilder(ApacheHttpClient.builder());
	}

	private void assertOpen() {
		if (this.closed) {
			throw new IllegalStateException(this + " is closed");
		}
	}

	/**
	 * Closes the shared clients, stops the server and frees its port; the data of an
	 * in-memory database is dropped, that of an on-disk one stays in its directory.
	 * Calling it again has no effect.
	 * @throws IllegalStateException if the server did not stop cleanly
	 */
	@Override
	public void close() {
		DynamoDbClient client;
		DynamoDbStreamsClient streams;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			client = this.client;
			this.client = null;
			streams = this.streamsClient;
			this.streamsClient = null;
		}
		try {
			if (client != null) {
				client.close();
			}
			if (streams != null) {
				streams.close();
			}
		}
		finally {
			this.server.close();
		}
		logger.debug("Embedded DynamoDB server at {} stopped", this.endpoint);
	}

	@Override
	public String toString() {
		return "EmbeddedDynamoDb[" + this.endpoint + "]";
	}

	/**
	 * Builds and starts an {@link EmbeddedDynamoDb}. Every setting is checked when it is
	 * set; a builder may start several servers.
	 */
	public static final class Builder {

		private final DynamoDbServer.Builder server = DynamoDbServer.builder();

		private @Nullable Path directory;

		private Builder() {
		}

		/**
		 * The loopback port to listen on; default {@code 0}, a free port the operating
		 * system picks while binding.
		 * @param port {@code 0} to {@code 65535}
		 * @return this builder
		 * @throws IllegalArgumentException if the port is outside {@code 0..65535}
		 */
		public Builder port(int port) {
			this.server.port(port);
			return this;
		}

		/**
		 * Keeps the data in one file of a directory (created when the server starts), so
		 * that it survives a restart on the same directory; by default it lives in
		 * memory.
		 * @param directory the directory
		 * @return this builder
		 * @throws NullPointerException if the directory is {@code null}
		 */
		public Builder directory(Path directory) {
			this.directory = Objects.requireNonNull(directory, "'directory' must not be null").toAbsolutePath();
			return this;
		}

		/**
		 * Whether to accept only requests signed with the server's own random
		 * credentials, as {@link EmbeddedDynamoDb#startRequiringSignature(Path)} does;
		 * default {@code false}, any credentials.
		 * @param requireSignature whether a signature with the server's credentials is
		 * required
		 * @return this builder
		 */
		public Builder requireSignature(boolean requireSignature) {
			if (requireSignature) {
				this.server.randomCredentials();
			}
			else {
				this.server.anyCredentials();
			}
			return this;
		}

		/**
		 * Whether each access key id sees a database of its own, as
		 * {@link EmbeddedDynamoDb#startWithDatabasePerAccessKey()} does; default
		 * {@code false}, one database shared by all.
		 * @param databasePerAccessKey whether each access key id has its own database
		 * @return this builder
		 */
		public Builder databasePerAccessKey(boolean databasePerAccessKey) {
			this.server.databasePerAccessKey(databasePerAccessKey);
			return this;
		}

		/**
		 * The clock of time to live, table status changes, idempotency windows and
		 * streams (shard rollover, 24-hour retention, 15-minute iterators); default the
		 * system clock. A test that moves its own clock sees those happen at once.
		 * @param clock the clock
		 * @return this builder
		 * @throws NullPointerException if the clock is {@code null}
		 */
		public Builder clock(Clock clock) {
			this.server.clock(clock);
			return this;
		}

		/**
		 * Caps the throughput of each partition-key value, in capacity units a second, as
		 * DynamoDB caps a partition (about 3,000 read and 1,000 write units), so that a
		 * hot key is throttled: {@code ProvisionedThroughputExceededException}, throttled
		 * batch items unprocessed, transactions cancelled with a {@code ThrottlingError}.
		 * Each value may consume one second of its cap at once and refills at the cap;
		 * see {@link DynamoDbServer.Builder#partitionThroughput(long, long)}. For
		 * example: <pre class="code">
		 * EmbeddedDynamoDb.builder().partitionThroughput(3000, 1000).start();
		 * </pre>
		 * @param readUnitsPerSecond read capacity units a second, {@code 0} (the default)
		 * for no limit
		 * @param writeUnitsPerSecond write capacity units a second, {@code 0} (the
		 * default) for no limit
		 * @return this builder
		 * @throws IllegalArgumentException if either is negative
		 */
		public Builder partitionThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {
			this.server.partitionThroughput(readUnitsPerSecond, writeUnitsPerSecond);
			return this;
		}

		/**
		 * How many shards of a stream are open at once; default 1. The records of one
		 * item always go to the same open shard.
		 * @param openShards 1 to 1000
		 * @return this builder
		 * @throws IllegalArgumentException if the number is outside {@code 1..1000}
		 */
		public Builder streamOpenShards(int openShards) {
			this.server.streamOpenShards(openShards);
			return this;
		}

		/**
		 * How long a stream's shard stays open before it is closed and followed by a
		 * child shard; default 4 hours.
		 * @param shardRollover more than zero
		 * @return this builder
		 * @throws NullPointerException if the period is {@code null}
		 * @throws IllegalArgumentException if it is zero or negative
		 */
		public Builder streamShardRollover(Duration shardRollover) {
			this.server.streamShardRollover(shardRollover);
			return this;
		}

		/**
		 * Starts the server.
		 * @return the running server; close it to stop the server and free the port
		 * @throws IllegalStateException if the directory cannot be created or the server
		 * cannot start, for example because the port is in use
		 */
		public EmbeddedDynamoDb start() {
			long startNanos = System.nanoTime();
			Path directory = this.directory;
			if (directory != null) {
				try {
					Files.createDirectories(directory);
				}
				catch (IOException ex) {
					throw new IllegalStateException(
							"The embedded server's directory " + directory + " could not be created", ex);
				}
				this.server.directory(directory);
			}
			EmbeddedDynamoDb dynamoDb = new EmbeddedDynamoDb(this.server.start(), directory);
			logger.debug("Embedded DynamoDB server started at {} in {} ms", dynamoDb.endpoint,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
			return dynamoDb;
		}

	}

}
