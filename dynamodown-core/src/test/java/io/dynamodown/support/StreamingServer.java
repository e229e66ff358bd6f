package io.dynamodown.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.server.DynamoDbServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB-compatible server of a test's own, in-process on loopback, whose clock the
 * test moves (table time to live, stream shard rollover, retention and iterator expiry)
 * and whose streams have as many open shards as asked.
 */
public final class StreamingServer implements AutoCloseable {

	private final DynamoDbServer server;

	private final MutableClock clock;

	private final List<DynamoDbClient> clients = new ArrayList<>();

	private StreamingServer(DynamoDbServer server, MutableClock clock) {
		this.server = server;
		this.clock = clock;
	}

	/**
	 * Starts a server.
	 * @param openShards the open shards of every stream
	 * @param rollover how long a shard stays open
	 * @return the server, to close
	 */
	public static StreamingServer start(int openShards, Duration rollover) {
		MutableClock clock = MutableClock.atRealNow();
		DynamoDbServer server = DynamoDbServer.builder()
			.clock(clock)
			.streamOpenShards(openShards)
			.streamShardRollover(rollover)
			.start();
		return new StreamingServer(server, clock);
	}

	/**
	 * The server's clock, which the stores of a test may share.
	 * @return the clock
	 */
	public MutableClock clock() {
		return this.clock;
	}

	/**
	 * A new client of the server, closed with it.
	 * @return the client
	 */
	public synchronized DynamoDbClient client() {
		DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(this.server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.build();
		this.clients.add(client);
		return client;
	}

	/**
	 * The server's endpoint.
	 * @return the URI
	 */
	public java.net.URI endpoint() {
		return this.server.endpoint();
	}

	/**
	 * Deletes the items whose time to live ran out by the server's clock, at once.
	 * @return the items deleted
	 */
	public int expireItems() {
		return this.server.expireItems();
	}

	@Override
	public synchronized void close() {
		this.clients.forEach(DynamoDbClient::close);
		this.server.close();
	}

}
