package io.dynamodown.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dynamodown.server.DynamoDbServer;
import io.dynamodown.server.PartitionThroughput;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

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
 * credentials; {@link #start(Options)} combines these settings and can cap each
 * partition-key value's throughput as DynamoDB caps a partition. In memory (the default),
 * the data is gone when the server is closed; with a directory, it lives in one file of
 * that directory ({@code dynamodown-server.data}) and survives restarts (and the process
 * being killed: a write is in the file before it is acknowledged).
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
		return start(Options.defaults().port(port));
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
		return start(Options.defaults().databasePerAccessKey(true));
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
		Objects.requireNonNull(directory, "'directory' must not be null");
		return start(Options.defaults().directory(directory));
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
		return start(Options.defaults().directory(directory).requireSignature(true));
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
		return start(Options.defaults().port(port).directory(directory).requireSignature(requireSignature));
	}

	/**
	 * Starts the server with the given options: the combination of every other
	 * {@code start} method, and more, such as DynamoDB's per-partition throughput caps
	 * for tests and benchmarks that must see a hot key throttled: <pre class="code">
	 * EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.defaults().partitionThroughput(3000, 1000));
	 * </pre>
	 * @param options the options
	 * @return the running server; close it to stop the server and free the port
	 * @throws IllegalStateException if the directory cannot be created or the server
	 * cannot start, for example because the port is in use
	 */
	public static EmbeddedDynamoDb start(Options options) {
		Objects.requireNonNull(options, "'options' must not be null");
		long startNanos = System.nanoTime();
		DynamoDbServer.Builder builder = DynamoDbServer.builder()
			.port(options.port)
			.databasePerAccessKey(options.databasePerAccessKey)
			.partitionThroughput(options.partitionThroughput);
		if (options.requireSignature) {
			builder.randomCredentials();
		}
		Path directory = null;
		if (options.directory != null) {
			createDirectories(options.directory);
			directory = options.directory.toAbsolutePath();
			builder.directory(directory);
		}
		EmbeddedDynamoDb dynamoDb = new EmbeddedDynamoDb(builder.start(), directory);
		logger.debug("Embedded DynamoDB server started at {} in {} ms", dynamoDb.endpoint,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
		return dynamoDb;
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The embedded server's directory " + directory + " could not be created",
					ex);
		}
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
	 * {@link Options#partitionThroughput(long, long) partition caps} held back since the
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
	 * Closes the shared client, stops the server and frees its port; the data of an
	 * in-memory database is dropped, that of an on-disk one stays in its directory.
	 * Calling it again has no effect.
	 * @throws IllegalStateException if the server did not stop cleanly
	 */
	@Override
	public void close() {
		DynamoDbClient client;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			client = this.client;
			this.client = null;
		}
		try {
			if (client != null) {
				client.close();
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
	 * How {@link EmbeddedDynamoDb#start(Options)} starts the server. Immutable: each
	 * method returns a copy with one setting changed, starting from {@link #defaults()}.
	 */
	public static final class Options {

		private static final Options DEFAULTS = new Options(0, null, false, false, PartitionThroughput.UNLIMITED);

		private final int port;

		private final @Nullable Path directory;

		private final boolean requireSignature;

		private final boolean databasePerAccessKey;

		private final PartitionThroughput partitionThroughput;

		private Options(int port, @Nullable Path directory, boolean requireSignature, boolean databasePerAccessKey,
				PartitionThroughput partitionThroughput) {
			this.port = port;
			this.directory = directory;
			this.requireSignature = requireSignature;
			this.databasePerAccessKey = databasePerAccessKey;
			this.partitionThroughput = partitionThroughput;
		}

		/**
		 * Returns the options of {@link EmbeddedDynamoDb#start()}: a free port, in
		 * memory, any credentials, one database shared by all of them, no throughput
		 * caps.
		 * @return the default options
		 */
		public static Options defaults() {
			return DEFAULTS;
		}

		/**
		 * The loopback port to listen on.
		 * @param port {@code 0} (the default) for a free port picked by the operating
		 * system while binding, or a port up to {@code 65535}
		 * @return options with that port
		 * @throws IllegalArgumentException if the port is outside {@code 0..65535}
		 */
		public Options port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("'port' must be between 0 and 65535, was " + port);
			}
			return new Options(port, this.directory, this.requireSignature, this.databasePerAccessKey,
					this.partitionThroughput);
		}

		/**
		 * The directory of an on-disk database (one data file, created with the directory
		 * if needed), as {@link EmbeddedDynamoDb#start(Path)} keeps it.
		 * @param directory the directory, or {@code null} (the default) for a database in
		 * memory
		 * @return options with that directory
		 */
		public Options directory(@Nullable Path directory) {
			return new Options(this.port, directory, this.requireSignature, this.databasePerAccessKey,
					this.partitionThroughput);
		}

		/**
		 * Whether to accept only requests signed with the server's own random
		 * credentials, as {@link EmbeddedDynamoDb#startRequiringSignature(Path)} does.
		 * @param requireSignature {@code true} to require them; {@code false} (the
		 * default) accepts any credentials
		 * @return options with that setting
		 */
		public Options requireSignature(boolean requireSignature) {
			return new Options(this.port, this.directory, requireSignature, this.databasePerAccessKey,
					this.partitionThroughput);
		}

		/**
		 * Whether each access key id sees a database of its own, as
		 * {@link EmbeddedDynamoDb#startWithDatabasePerAccessKey()} starts it.
		 * @param databasePerAccessKey {@code true} for one database per access key id;
		 * {@code false} (the default) shares one
		 * @return options with that setting
		 */
		public Options databasePerAccessKey(boolean databasePerAccessKey) {
			return new Options(this.port, this.directory, this.requireSignature, databasePerAccessKey,
					this.partitionThroughput);
		}

		/**
		 * Caps the capacity units each partition-key value of a table may consume a
		 * second, as DynamoDB caps a partition (about 3,000 read and 1,000 write units),
		 * so that a hot key is throttled: {@code ProvisionedThroughputExceededException},
		 * throttled batch items unprocessed, transactions cancelled with a
		 * {@code ThrottlingError}. Each value may consume one second of its cap at once
		 * and refills at the cap; see
		 * {@link DynamoDbServer.Builder#partitionThroughput(long, long)}.
		 * @param readUnitsPerSecond read capacity units a second, {@code 0} (the default)
		 * for no limit
		 * @param writeUnitsPerSecond write capacity units a second, {@code 0} (the
		 * default) for no limit
		 * @return options with those caps
		 * @throws IllegalArgumentException if either is negative
		 */
		public Options partitionThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {
			return new Options(this.port, this.directory, this.requireSignature, this.databasePerAccessKey,
					new PartitionThroughput(readUnitsPerSecond, writeUnitsPerSecond));
		}

		@Override
		public String toString() {
			return "Options[port=" + this.port + ", directory=" + this.directory + ", requireSignature="
					+ this.requireSignature + ", databasePerAccessKey=" + this.databasePerAccessKey
					+ ", partitionThroughput=" + this.partitionThroughput + "]";
		}

	}

}
