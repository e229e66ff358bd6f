package io.dynamodown.server.internal.protocol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import io.dynamodown.server.internal.error.DynamoDbError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP layer driven by AWS's SDK: its signing, its parsing of answers, errors and
 * their CRC32s.
 */
class SdkClientTests {

	private static final String KEY_ID = "AKIDSERVER";

	private static final String SECRET = "server-secret";

	private final FakeExecutor executor = new FakeExecutor();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void answersReachTheClient() throws IOException {
		DynamoDbClient client = client(start(Authenticator.anyCredentials(), false), "AKIDCLIENT", "secret");
		this.executor.answer = (call) -> Map.of("TableNames", List.of("a", "b"), "LastEvaluatedTableName", "b");
		assertThat(client.listTables().tableNames()).containsExactly("a", "b");
		FakeExecutor.Call call = this.executor.calls.get(0);
		assertThat(call.target()).isEqualTo(FakeExecutor.DYNAMODB);
		assertThat(call.operation()).isEqualTo("ListTables");
		assertThat(call.body()).isEmpty();
		assertThat(call.account()).isEmpty();
	}

	@Test
	void requestBodyReachesTheExecutor() throws IOException {
		DynamoDbClient client = client(start(Authenticator.anyCredentials(), false), "AKIDCLIENT", "secret");
		this.executor.answer = (call) -> Map.of("Item",
				Map.of("id", Map.of("S", "\u00e9\ud83d\ude00"), "n", Map.of("N", "1.5"), "b", Map.of("B", "AAE=")));
		Map<String, AttributeValue> item = client
			.getItem((get) -> get.tableName("t").key(Map.of("id", AttributeValue.fromS("x"))).consistentRead(true))
			.item();
		assertThat(item.get("id").s()).isEqualTo("\u00e9\ud83d\ude00");
		assertThat(item.get("n").n()).isEqualTo("1.5");
		assertThat(item.get("b").b().asByteArray()).containsExactly(0, 1);
		assertThat(this.executor.calls.get(0).body()).containsEntry("TableName", "t")
			.containsEntry("Key", Map.of("id", Map.of("S", "x")))
			.containsEntry("ConsistentRead", true);
	}

	@Test
	void errorsBecomeTheSdksExceptions() throws IOException {
		DynamoDbClient client = client(start(Authenticator.anyCredentials(), false), "AKIDCLIENT", "secret");
		this.executor.answer = (call) -> {
			throw DynamoDbError.resourceNotFound("Requested resource not found");
		};
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> client.listTables())
			.satisfies(
					(ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.requestId()).matches("[0-9A-Z]{52}"));
		this.executor.answer = (call) -> {
			throw DynamoDbError.validation("1 validation error detected");
		};
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> client.listTables())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
			.satisfies(
					(ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected"));
	}

	@Test
	void extraErrorMembersReachTheClient() throws IOException {
		DynamoDbClient client = client(start(Authenticator.anyCredentials(), false), "AKIDCLIENT", "secret");
		this.executor.answer = (call) -> {
			throw DynamoDbError.conditionalCheckFailed("The conditional request failed")
				.with("Item", Map.of("id", Map.of("S", "a")));
		};
		assertThatExceptionOfType(ConditionalCheckFailedException.class)
			.isThrownBy(() -> client.putItem((put) -> put.tableName("t").item(Map.of("id", AttributeValue.fromS("a")))))
			.satisfies((ex) -> assertThat(ex.item()).isEqualTo(Map.of("id", AttributeValue.fromS("a"))));
		this.executor.answer = (call) -> {
			throw DynamoDbError.of(DynamoDbError.DYNAMODB, "TransactionCanceledException", 400, "Transaction cancelled")
				.with("CancellationReasons", List.of(Map.of("Code", "None"), Map.of("Code", "ConditionalCheckFailed")));
		};
		assertThatExceptionOfType(TransactionCanceledException.class)
			.isThrownBy(() -> client.transactWriteItems((write) -> write.transactItems(List.of())))
			.satisfies((ex) -> assertThat(ex.cancellationReasons()).extracting((reason) -> reason.code())
				.containsExactly("None", "ConditionalCheckFailed"));
	}

	@Test
	void serverFailureIsInternalServerError() throws IOException {
		DynamoDbClient client = client(start(Authenticator.anyCredentials(), false), "AKIDCLIENT", "secret");
		this.executor.answer = (call) -> {
			throw new IllegalStateException("expected by this test");
		};
		assertThatExceptionOfType(InternalServerErrorException.class).isThrownBy(() -> client.listTables())
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
	}

	@Test
	void eachAccessKeyIdCanHaveItsOwnDatabase() throws IOException {
		ProtocolServer server = start(Authenticator.anyCredentials(), true);
		client(server, "AKIDONE", "secret").listTables();
		client(server, "AKIDTWO", "other").listTables();
		assertThat(this.executor.calls).extracting(FakeExecutor.Call::account).containsExactly("AKIDONE", "AKIDTWO");
	}

	@Test
	void ownCredentialsAcceptTheirSignature() throws IOException {
		ProtocolServer server = start(Authenticator.ownCredentials(KEY_ID, SECRET), true);
		client(server, KEY_ID, SECRET).listTables();
		client(server, KEY_ID, SECRET).putItem((put) -> put.tableName("t")
			.item(Map.of("id", AttributeValue.fromS("\u00e9 \ud83d\ude00 / + = & ?"), "n", AttributeValue.fromN("1"))));
		assertThat(this.executor.calls).extracting(FakeExecutor.Call::account).containsExactly(KEY_ID, KEY_ID);
	}

	@Test
	void ownCredentialsRefuseAnotherSecret() throws IOException {
		DynamoDbClient client = client(start(Authenticator.ownCredentials(KEY_ID, SECRET), false), KEY_ID, "wrong");
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> client.listTables())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.startsWith("The request signature we calculated does not match the signature you provided."));
		assertThat(this.executor.calls).isEmpty();
	}

	@Test
	void ownCredentialsRefuseAnotherAccessKeyId() throws IOException {
		DynamoDbClient client = client(start(Authenticator.ownCredentials(KEY_ID, SECRET), false), "AKIDOTHER", SECRET);
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> client.listTables())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The security token included in the request is invalid."));
	}

	@Test
	void ownCredentialsRefuseAnUnsignedRequest() throws Exception {
		ProtocolServer server = start(Authenticator.ownCredentials(KEY_ID, SECRET), false);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Target", "DynamoDB_20120810.ListTables")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
					+ "\"message\":\"Request is missing Authentication Token\"}");
	}

	@Test
	void streamsTargetReachesTheExecutor() throws IOException {
		ProtocolServer server = start(Authenticator.ownCredentials(KEY_ID, SECRET), false);
		DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
		this.resources.add(0, streams);
		this.executor.answer = (call) -> Map.of("Streams", List.of(Map.of("StreamArn", "arn", "TableName", "t")));
		assertThat(streams.listStreams().streams()).singleElement()
			.satisfies((stream) -> assertThat(stream.tableName()).isEqualTo("t"));
		assertThat(this.executor.calls.get(0).target()).isEqualTo(FakeExecutor.STREAMS);
		assertThat(this.executor.calls.get(0).operation()).isEqualTo("ListStreams");
	}

	@Test
	void sixteenThreadsAtOnce() throws Exception {
		DynamoDbClient client = client(start(Authenticator.ownCredentials(KEY_ID, SECRET), false), KEY_ID, SECRET);
		this.executor.answer = (call) -> Map.of("Item", call.body().get("Key"));
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Callable<String>> requests = new ArrayList<>();
			for (int i = 0; i < 16 * 40; i++) {
				String id = "id-" + i;
				requests
					.add(() -> client.getItem((get) -> get.tableName("t").key(Map.of("id", AttributeValue.fromS(id))))
						.item()
						.get("id")
						.s());
			}
			List<String> answered = new ArrayList<>();
			for (Future<String> future : threads.invokeAll(requests)) {
				answered.add(future.get());
			}
			assertThat(answered).hasSize(16 * 40).doesNotHaveDuplicates().allMatch((id) -> id.startsWith("id-"));
		}
		finally {
			threads.shutdown();
		}
		Set<String> serverThreads = this.executor.calls.stream()
			.map(FakeExecutor.Call::thread)
			.collect(Collectors.toSet());
		assertThat(serverThreads).allMatch((name) -> name.matches("dynamodown-server-\\d+"))
			.hasSizeLessThanOrEqualTo(ServerThreads.MAX_THREADS);
	}

	private ProtocolServer start(Authenticator authenticator, boolean databasePerAccessKey) throws IOException {
		ProtocolServer server = ProtocolServer.start(0, authenticator, databasePerAccessKey, this.executor);
		this.resources.add(server);
		return server;
	}

	private DynamoDbClient client(ProtocolServer server, String keyId, String secret) {
		DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
		// clients close before the servers they talk to
		this.resources.add(0, client);
		return client;
	}

}
