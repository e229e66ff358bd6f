package io.dynamodown.embedded;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link EmbeddedDynamoDb}.
 */
class EmbeddedDynamoDbTests {

	@Test
	void answersListTablesCreateTablePutItemAndGetItemOverHttp() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			DynamoDbClient client = dynamoDb.client();
			assertThat(client.listTables().tableNames()).isEmpty();
			createTable(client, "items");
			assertThat(client.listTables().tableNames()).containsExactly("items");
			Map<String, AttributeValue> item = Map.of("hkey", AttributeValue.fromS("!"), "value",
					AttributeValue.fromB(SdkBytes.fromUtf8String("hello")));
			client.putItem((request) -> request.tableName("items").item(item));
			Map<String, AttributeValue> read = client
				.getItem((request) -> request.tableName("items")
					.key(Map.of("hkey", AttributeValue.fromS("!")))
					.consistentRead(true))
				.item();
			assertThat(read).isEqualTo(item);
		}
	}

	@Test
	void endpointIsHttpOnTheLoopbackAddressAndThePort() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			assertThat(dynamoDb.endpoint().getScheme()).isEqualTo("http");
			assertThat(dynamoDb.endpoint().getHost()).isEqualTo("127.0.0.1");
			assertThat(dynamoDb.endpoint().getPort()).isEqualTo(dynamoDb.port()).isPositive();
		}
	}

	@Test
	void listensOnLoopbackOnly() throws IOException {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			InetSocketAddress bound = dynamoDb.boundAddress();
			assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
			assertThat(bound.getPort()).isEqualTo(dynamoDb.port());
			assertThat(connects(InetAddress.getLoopbackAddress(), dynamoDb.port())).isTrue();
			Optional<InetAddress> external = nonLoopbackAddress();
			if (external.isPresent()) {
				assertThat(connects(external.get(), dynamoDb.port()))
					.as("connection to %s:%d", external.get().getHostAddress(), dynamoDb.port())
					.isFalse();
			}
		}
	}

	@Test
	void twoServersRunAtOnceOnDifferentPortsWithSeparateData() {
		try (EmbeddedDynamoDb first = EmbeddedDynamoDb.start(); EmbeddedDynamoDb second = EmbeddedDynamoDb.start()) {
			assertThat(first.port()).isNotEqualTo(second.port());
			createTable(first.client(), "only-in-first");
			assertThat(first.client().listTables().tableNames()).containsExactly("only-in-first");
			assertThat(second.client().listTables().tableNames()).isEmpty();
		}
	}

	@Test
	void closeIsIdempotentAndFreesThePort() throws IOException {
		EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start();
		dynamoDb.client().listTables();
		dynamoDb.close();
		assertThatCode(dynamoDb::close).doesNotThrowAnyException();
		assertThat(connects(InetAddress.getLoopbackAddress(), dynamoDb.port())).isFalse();
		try (ServerSocket socket = new ServerSocket(dynamoDb.port(), 1, InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(dynamoDb.port());
		}
	}

	@Test
	void clientAndClientBuilderAreRefusedAfterClose() {
		EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start();
		dynamoDb.close();
		assertThatIllegalStateException().isThrownBy(dynamoDb::client).withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(dynamoDb::clientBuilder).withMessageContaining("closed");
	}

	@Test
	void clientIsSharedAndClientBuilderBuildsIndependentClients() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			assertThat(dynamoDb.client()).isSameAs(dynamoDb.client());
			createTable(dynamoDb.client(), "shared");
			try (DynamoDbClient own = dynamoDb.clientBuilder().build()) {
				assertThat(own).isNotSameAs(dynamoDb.client());
				assertThat(own.listTables().tableNames()).containsExactly("shared");
			}
			assertThat(dynamoDb.client().listTables().tableNames()).containsExactly("shared");
		}
	}

	@Test
	void startsOnAGivenPort() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(port)) {
			assertThat(dynamoDb.port()).isEqualTo(port);
			assertThat(dynamoDb.client().listTables().tableNames()).isEmpty();
		}
	}

	@Test
	void startsOnAGivenPortOnDiskRequiringItsOwnSignature(@TempDir Path directory) throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(port, directory.resolve("db"), true)) {
			assertThat(dynamoDb.port()).isEqualTo(port);
			assertThat(dynamoDb.directory()).isEqualTo(directory.resolve("db").toAbsolutePath());
			assertThat(dynamoDb.client().listTables().tableNames()).isEmpty();
			try (DynamoDbClient stranger = clientWithAccessKey(dynamoDb, "stranger")) {
				assertThatExceptionOfType(DynamoDbException.class).isThrownBy(stranger::listTables);
			}
		}
	}

	@Test
	void startOnAPortInUseFailsNamingThePort() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedDynamoDb.start(taken.getLocalPort()))
				.withMessageContaining("127.0.0.1:" + taken.getLocalPort());
		}
	}

	@Test
	void startRefusesAPortOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedDynamoDb.start(-1)).withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedDynamoDb.start(65536))
			.withMessageContaining("65536");
	}

	@Test
	void differentCredentialsAndRegionsSeeTheSameTables() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			createTable(dynamoDb.client(), "shared");
			try (DynamoDbClient other = dynamoDb.clientBuilder()
				.region(Region.EU_WEST_1)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "secret")))
				.build()) {
				assertThat(other.listTables().tableNames()).containsExactly("shared");
			}
		}
	}

	@Test
	void onDiskDataSurvivesAStopAndAStartOnTheSameDirectory(@TempDir Path directory) {
		Map<String, AttributeValue> item = Map.of("hkey", AttributeValue.fromS("kept"));
		try (EmbeddedDynamoDb first = EmbeddedDynamoDb.start(directory.resolve("db"))) {
			assertThat(first.directory()).isEqualTo(directory.resolve("db").toAbsolutePath());
			createTable(first.client(), "durable");
			first.client().putItem((request) -> request.tableName("durable").item(item));
		}
		try (EmbeddedDynamoDb second = EmbeddedDynamoDb.start(directory.resolve("db"))) {
			assertThat(second.client().listTables().tableNames()).containsExactly("durable");
			assertThat(second.client()
				.getItem((request) -> request.tableName("durable").key(item).consistentRead(true))
				.item()).isEqualTo(item);
		}
	}

	@Test
	void inMemoryDataIsGoneAfterAStop() {
		try (EmbeddedDynamoDb first = EmbeddedDynamoDb.start()) {
			assertThat(first.directory()).isNull();
			createTable(first.client(), "transient");
		}
		try (EmbeddedDynamoDb second = EmbeddedDynamoDb.start()) {
			assertThat(second.client().listTables().tableNames()).isEmpty();
		}
	}

	@Test
	void withADatabasePerAccessKeyDifferentAccessKeysSeeDifferentTables() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startWithDatabasePerAccessKey();
				DynamoDbClient first = clientWithAccessKey(dynamoDb, "first");
				DynamoDbClient second = clientWithAccessKey(dynamoDb, "second");
				DynamoDbClient firstAgain = clientWithAccessKey(dynamoDb, "first")) {
			createTable(first, "mine");
			assertThat(firstAgain.listTables().tableNames()).containsExactly("mine");
			assertThat(second.listTables().tableNames()).isEmpty();
		}
	}

	@Test
	void theBuilderCapsEachPartitionKeyValuesThroughputAsDynamoDbCapsAPartition() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.builder().partitionThroughput(0, 1).start();
				DynamoDbClient client = dynamoDb.clientBuilder()
					.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
					.build()) {
			createTable(client, "capped");
			// 300 KB: 300 write units, admitted alone on a full partition and repaid over
			// 5 minutes
			client.putItem((request) -> request.tableName("capped")
				.item(Map.of("hkey", AttributeValue.fromS("hot"), "value",
						AttributeValue.fromB(SdkBytes.fromByteArray(new byte[300 * 1024])))));
			assertThatExceptionOfType(ProvisionedThroughputExceededException.class).isThrownBy(() -> client
				.putItem((request) -> request.tableName("capped").item(Map.of("hkey", AttributeValue.fromS("hot")))));
			client.putItem((request) -> request.tableName("capped").item(Map.of("hkey", AttributeValue.fromS("cold"))));
			assertThat(dynamoDb.throttledRequests()).isEqualTo(1);
		}
	}

	@Test
	void partitionCapsAreOffByDefaultAndNegativeCapsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedDynamoDb.builder().partitionThroughput(3000, -1))
			.withMessage("'writeUnitsPerSecond' must be 0 (no limit) or more, was -1");
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			assertThat(dynamoDb.throttledRequests()).isZero();
		}
	}

	@Test
	void toStringNamesTheEndpoint() {
		try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
			assertThat(dynamoDb).hasToString("EmbeddedDynamoDb[" + dynamoDb.endpoint() + "]");
		}
	}

	private static void createTable(DynamoDbClient client, String name) {
		client.createTable((request) -> request.tableName(name)
			.keySchema((key) -> key.attributeName("hkey").keyType(KeyType.HASH))
			.attributeDefinitions((attribute) -> attribute.attributeName("hkey").attributeType(ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	private static DynamoDbClient clientWithAccessKey(EmbeddedDynamoDb dynamoDb, String accessKeyId) {
		return dynamoDb.clientBuilder()
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
			.build();
	}

	private static boolean connects(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 5000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * An address of this machine that is not loopback, IPv4 first; link-local IPv6
	 * addresses are left out because they need a scope to connect to.
	 */
	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.filter(EmbeddedDynamoDbTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()
					&& !address.isAnyLocalAddress())
			.min(Comparator.comparing((InetAddress address) -> !(address instanceof Inet4Address)));
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp() && !networkInterface.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
