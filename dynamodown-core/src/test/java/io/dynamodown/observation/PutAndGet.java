package io.dynamodown.observation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.dynamodown.LevelDb;
import io.dynamodown.Range;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Opens a store on a new table at a DynamoDB endpoint, writes a value, reads it back and
 * answers it; run by {@link WithoutMicrometerTests} in a class loader without Micrometer.
 */
public final class PutAndGet implements Function<String, String> {

	@Override
	public String apply(String endpoint) {
		String table = "no-micrometer-" + System.nanoTime();
		try (DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build(); LevelDb db = LevelDb.builder(client).table(table).open()) {
			db.put(bytes("k"), bytes("value"));
			db.bulk().put(bytes("k2"), bytes("v2")).write();
			db.keys(Range.all()).all();
			return new String(db.get(bytes("k")).orElseThrow(), StandardCharsets.UTF_8);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
