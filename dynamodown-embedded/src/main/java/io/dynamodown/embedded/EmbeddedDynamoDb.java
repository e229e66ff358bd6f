package io.dynamodown.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running in-process, in memory, on a free port.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

	private final DynamoDBProxyServer server;

	private final URI endpoint;

	private final DynamoDbClient client;

	private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint) {
		this.server = server;
		this.endpoint = endpoint;
		this.client = DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build();
	}

	/**
	 * Starts a server.
	 * @return the running server
	 */
	public static EmbeddedDynamoDb start() {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
			}
			DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
					new String[] { "-inMemory", "-port", Integer.toString(port), "-disableTelemetry" });
			server.start();
			return new EmbeddedDynamoDb(server, URI.create("http://127.0.0.1:" + port));
		}
		catch (Exception ex) {
			throw new IllegalStateException("DynamoDB Local did not start", ex);
		}
	}

	/**
	 * The HTTP endpoint.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * A client for this server.
	 * @return the client
	 */
	public DynamoDbClient client() {
		return this.client;
	}

	@Override
	public void close() {
		this.client.close();
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
