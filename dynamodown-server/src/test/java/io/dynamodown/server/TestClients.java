package io.dynamodown.server;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * SDK clients for the server under test.
 */
final class TestClients {

	private TestClients() {
	}

	/**
	 * Returns a client of a server with any credentials.
	 * @param server the server
	 * @return the client; the caller closes it
	 */
	static DynamoDbClient of(DynamoDbServer server) {
		return DynamoDbClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.build();
	}

	/**
	 * Returns a client of a server with any credentials that sends every request once, so
	 * that tests see each throttled answer.
	 * @param server the server
	 * @return the client; the caller closes it
	 */
	static DynamoDbClient withoutRetries(DynamoDbServer server) {
		return DynamoDbClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	/**
	 * Returns a DynamoDB Streams client of a server with any credentials.
	 * @param server the server
	 * @return the client; the caller closes it
	 */
	static DynamoDbStreamsClient streamsOf(DynamoDbServer server) {
		return DynamoDbStreamsClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.build();
	}

	/**
	 * Creates an on-demand table keyed by one string hash key named {@code k}.
	 * @param client a client of the server
	 * @param table the table's name
	 */
	static void createKeyTable(DynamoDbClient client, String table) {
		client.createTable((request) -> request.tableName(table)
			.keySchema((key) -> key.attributeName("k").keyType("HASH"))
			.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
	}

}
