package io.dynamodown.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import io.dynamodown.server.internal.engine.Engine;
import io.dynamodown.server.internal.engine.PartitionLimiter;
import io.dynamodown.server.internal.protocol.RequestExecutor;
import io.dynamodown.server.internal.stream.StreamOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DynamoDbServerTests {

	private final Accounts executor = new Accounts();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void listensOnAFreeLoopbackPort() throws Exception {
		DynamoDbServer server = start(DynamoDbServer.builder());
		assertThat(server.port()).isPositive();
		assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
	}

	@Test
	void listensOnTheGivenPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		assertThat(start(DynamoDbServer.builder().port(port)).endpoint())
			.isEqualTo(URI.create("http://127.0.0.1:" + port));
	}

	@Test
	void portInUseFailsToStartAndClosesTheExecutor() {
		DynamoDbServer first = start(DynamoDbServer.builder());
		Accounts executor = new Accounts();
		assertThatIllegalStateException().isThrownBy(() -> DynamoDbServer.builder().port(first.port()).start(executor))
			.withMessageContaining("127.0.0.1:" + first.port());
		assertThat(executor.closed).isTrue();
	}

	@Test
	void acceptsAnyCredentialsByDefault() {
		DynamoDbServer server = start(DynamoDbServer.builder());
		client(server, "anything", "whatever").listTables();
		client(server, server.accessKeyId(), server.secretAccessKey()).listTables();
		assertThat(this.executor.accounts).containsExactly("", "");
	}

	@Test
	void givesEachAccessKeyIdItsOwnDatabaseWhenAsked() {
		DynamoDbServer server = start(DynamoDbServer.builder().databasePerAccessKey(true));
		client(server, "one", "secret").listTables();
		client(server, "two", "secret").listTables();
		assertThat(this.executor.accounts).containsExactly("one", "two");
	}

	@Test
	void ownCredentialsAreRequiredAndVerified() {
		DynamoDbServer server = start(DynamoDbServer.builder().credentials("AKIDSERVER", "secret"));
		assertThat(server.accessKeyId()).isEqualTo("AKIDSERVER");
		assertThat(server.secretAccessKey()).isEqualTo("secret");
		client(server, "AKIDSERVER", "secret").listTables();
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client(server, "AKIDSERVER", "wrong").listTables())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client(server, "AKIDOTHER", "secret").listTables())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
		assertThat(this.executor.accounts).hasSize(1);
	}

	@Test
	void randomCredentialsDifferForEachStart() {
		DynamoDbServer.Builder builder = DynamoDbServer.builder().randomCredentials();
		DynamoDbServer first = start(builder);
		DynamoDbServer second = start(builder);
		assertThat(first.accessKeyId()).hasSize(20).isNotEqualTo(second.accessKeyId());
		assertThat(first.secretAccessKey()).hasSize(40).isNotEqualTo(second.secretAccessKey());
		client(first, first.accessKeyId(), first.secretAccessKey()).listTables();
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client(first, second.accessKeyId(), second.secretAccessKey()).listTables());
	}

	@Test
	void anyCredentialsUndoesOwnCredentials() {
		DynamoDbServer server = start(DynamoDbServer.builder().credentials("AKIDSERVER", "secret").anyCredentials());
		client(server, "anything", "whatever").listTables();
		assertThat(server.accessKeyId()).isEqualTo("dynamodown");
	}

	@Test
	void toStringShowsNoSecret() {
		DynamoDbServer server = start(DynamoDbServer.builder().credentials("AKIDSERVER", "the-secret"));
		assertThat(server.toString()).contains(server.endpoint().toString())
			.contains("credentials=own")
			.doesNotContain("the-secret")
			.doesNotContain("AKIDSERVER");
	}

	@Test
	void closeStopsListeningClosesTheExecutorAndMayBeRepeated() {
		DynamoDbServer server = DynamoDbServer.builder().start(this.executor);
		server.close();
		server.close();
		assertThat(this.executor.closed).isTrue();
		assertThatIOException().isThrownBy(() -> HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void startsTheEngineForTheDynamoDbTarget() {
		DynamoDbServer server = DynamoDbServer.builder().start();
		this.resources.add(server);
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> client(server, "a", "b").describeLimits())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
	}

	@Test
	void engineExecutorServesTheDynamoDbAndStreamsTargets() {
		EngineExecutor executor = new EngineExecutor(new Engine(java.time.Clock.systemUTC(), Duration.ZERO, null,
				new PartitionLimiter(java.time.Clock.systemUTC(), 0, 0), StreamOptions.DEFAULT));
		assertThat(executor.operations("DynamoDB_20120810")).isEqualTo(Engine.OPERATIONS);
		assertThat(executor.operations("DynamoDBStreams_20120810")).containsExactlyInAnyOrder("ListStreams",
				"DescribeStream", "GetShardIterator", "GetRecords");
		assertThat(executor.operations("DynamoDBStreams_20120811")).isEmpty();
		executor.close();
	}

	@Test
	void builderRejectsInvalidSettings() {
		DynamoDbServer.Builder builder = DynamoDbServer.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.port(-1)).withMessageContaining("'port'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.port(65536)).withMessageContaining("65536");
		assertThatNullPointerException().isThrownBy(() -> builder.directory(null)).withMessageContaining("'directory'");
		assertThatNullPointerException().isThrownBy(() -> builder.clock(null)).withMessageContaining("'clock'");
		assertThatNullPointerException().isThrownBy(() -> builder.tableStatusDelay(null));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.tableStatusDelay(Duration.ofMillis(-1)))
			.withMessageContaining("'tableStatusDelay'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.streamOpenShards(0))
			.withMessage("'streamOpenShards' must be between 1 and 1000, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.streamOpenShards(1001))
			.withMessageContaining("1001");
		assertThatNullPointerException().isThrownBy(() -> builder.streamShardRollover(null))
			.withMessageContaining("'streamShardRollover'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.streamShardRollover(Duration.ZERO))
			.withMessage("'streamShardRollover' must be more than zero, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.credentials("", "s"))
			.withMessageContaining("'accessKeyId'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.credentials("a/b", "s"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.credentials("a b", "s"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.credentials("a", ""))
			.withMessageContaining("'secretKey'");
		assertThatNullPointerException().isThrownBy(() -> builder.credentials(null, "s"));
	}

	private DynamoDbServer start(DynamoDbServer.Builder builder) {
		DynamoDbServer server = builder.start(this.executor);
		this.resources.add(server);
		return server;
	}

	private DynamoDbClient client(DynamoDbServer server, String keyId, String secret) {
		DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
		this.resources.add(0, client);
		return client;
	}

	/**
	 * Answers every {@code ListTables} with no tables and records the account.
	 */
	private static final class Accounts implements RequestExecutor {

		final List<String> accounts = new CopyOnWriteArrayList<>();

		volatile boolean closed;

		@Override
		public Set<String> operations(String target) {
			return target.equals(EngineExecutor.TARGET) ? Set.of("ListTables") : Set.of();
		}

		@Override
		public Map<String, Object> execute(String target, String operation, Map<String, Object> body, String account) {
			this.accounts.add(account);
			return Map.of("TableNames", List.of());
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
