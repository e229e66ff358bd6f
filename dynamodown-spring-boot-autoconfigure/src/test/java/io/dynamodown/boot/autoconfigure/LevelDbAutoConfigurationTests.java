package io.dynamodown.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.Compression;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.support.HoldingInterceptor;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Tests for {@link LevelDbAutoConfiguration}, against the embedded server.
 */
@EmbeddedDynamoDbTest
class LevelDbAutoConfigurationTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final EmbeddedDynamoDb server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class));

	LevelDbAutoConfigurationTests(EmbeddedDynamoDb server) {
		this.server = server;
	}

	private ApplicationContextRunner withServer() {
		return this.contextRunner.withPropertyValues("dynamodown.table=autoconfig-" + tables.incrementAndGet(),
				"dynamodown.region=us-east-1", "dynamodown.endpoint=" + server.endpoint(),
				"dynamodown.credentials.access-key-id=local", "dynamodown.credentials.secret-access-key=local");
	}

	@Test
	void levelDbIsBuiltFromPropertiesAndWorks() {
		withServer().run((context) -> {
			assertThat(context).hasSingleBean(LevelDb.class).hasSingleBean(DynamoDbClient.class);
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("k"), bytes("v"));
			assertThat(db.get(bytes("k"))).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("v")));
		});
	}

	@Test
	void propertiesAreBoundToTheStore() {
		withServer()
			.withPropertyValues("dynamodown.hash-key=users", "dynamodown.read-capacity=3",
					"dynamodown.write-capacity=4", "dynamodown.retry.max-attempts=4", "dynamodown.retry.base-delay=5ms")
			.run((context) -> {
				DynamoDownProperties properties = context.getBean(DynamoDownProperties.class);
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(4);
				assertThat(PropertiesOptions.billing(properties)).isEqualTo(Billing.provisioned(3, 4));
				LevelDb db = context.getBean(LevelDb.class);
				assertThat(db.hashKey()).isEqualTo("users");
				TableDescription table = server.client().describeTable((r) -> r.tableName(db.table())).table();
				assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
				assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
			});
	}

	@Test
	void tableIsOnDemandByDefault() {
		withServer().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			TableDescription table = server.client().describeTable((r) -> r.tableName(db.table())).table();
			assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
		});
	}

	@Test
	void oneMegabyteValueRoundTripsWithTheDefaults() {
		byte[] value = randomBytes(1024 * 1024);
		withServer().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("large"), value);
			assertThat(db.get(bytes("large"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(value));
		});
	}

	@Test
	void compressibleValueIsStoredCompressedByDefault() {
		byte[] json = jsonDocument();
		withServer().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("doc"), json);
			Map<String, AttributeValue> item = rawItem(db, bytes("doc"));
			assertThat(item).containsKey(AttributeNames.DEFAULT_FORM);
			assertThat(item.get("value").b().asByteArray()).hasSizeLessThan(json.length / 2);
			assertThat(db.get(bytes("doc"))).hasValueSatisfying((read) -> assertThat(read).isEqualTo(json));
		});
	}

	@Test
	void valueLargerThanMaxValueSizeIsRefusedBeforeAnyRequest() {
		AtomicInteger requests = new AtomicInteger();
		withServer().withPropertyValues("dynamodown.max-value-size=1KB")
			.withBean(RequestListener.class, () -> (RequestEvent event) -> requests.incrementAndGet())
			.run((context) -> {
				LevelDb db = context.getBean(LevelDb.class);
				int before = requests.get();
				assertThatExceptionOfType(LevelDbException.class)
					.isThrownBy(() -> db.put(bytes("big"), randomBytes(2048)))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_VALUE))
					.withMessageContaining("maxValueSize")
					.withMessageContaining("1024");
				assertThat(requests.get()).isEqualTo(before);
				db.put(bytes("small"), randomBytes(1000));
				assertThat(db.get(bytes("big"))).isEmpty();
			});
	}

	@Test
	void compressionDisabledStoresValuesAsTheyAre() {
		assertStoredPlain("dynamodown.compression.enabled=false");
	}

	@Test
	void codecNoneStoresValuesAsTheyAre() {
		assertStoredPlain("dynamodown.compression.codec=none");
	}

	@Test
	void compressionPropertiesGiveTheCoreSetting() {
		DynamoDownProperties.Compression compression = new DynamoDownProperties().getCompression();
		assertThat(PropertiesOptions.compression(compression)).isEqualTo(Compression.DEFAULT);
		compression.setLevel(9);
		assertThat(PropertiesOptions.compression(compression)).isEqualTo(Compression.deflate(9));
		compression.setEnabled(false);
		assertThat(PropertiesOptions.compression(compression)).isEqualTo(Compression.none());
	}

	@Test
	void userClientIsUsedAndNotClosedOnShutdown() {
		try (DynamoDbClient userClient = localClient()) {
			this.contextRunner.withPropertyValues("dynamodown.table=user-client-" + tables.incrementAndGet())
				.withBean("userClient", DynamoDbClient.class, () -> userClient,
						(definition) -> definition.setDestroyMethodName(""))
				.run((context) -> {
					assertThat(context).hasSingleBean(DynamoDbClient.class);
					assertThat(context.getBean(DynamoDbClient.class)).isSameAs(userClient);
					context.getBean(LevelDb.class).put(bytes("a"), bytes("b"));
				});
			assertThat(userClient.listTables().tableNames()).isNotEmpty();
		}
	}

	@Test
	void starterClientIsClosedOnShutdown() {
		DynamoDbClient[] built = new DynamoDbClient[1];
		withServer().run((context) -> built[0] = context.getBean(DynamoDbClient.class));
		assertThatRuntimeException().isThrownBy(() -> built[0].listTables());
	}

	@Test
	void timeoutsApplyToTheStoreAndToTheClientTheStarterBuilds() {
		HoldingInterceptor hold = new HoldingInterceptor();
		withServer().withPropertyValues("dynamodown.timeout=1s", "dynamodown.attempt-timeout=500ms")
			.withBean(DynamoDbClientBuilderCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration(
							builder.overrideConfiguration().toBuilder().addExecutionInterceptor(hold).build()))
			.run((context) -> {
				ClientOverrideConfiguration configuration = context.getBean(DynamoDbClient.class)
					.serviceClientConfiguration()
					.overrideConfiguration();
				assertThat(configuration.apiCallTimeout()).contains(Duration.ofSeconds(1));
				assertThat(configuration.apiCallAttemptTimeout()).contains(Duration.ofMillis(500));
				hold.holdRequests();
				assertThatExceptionOfType(LevelDbException.class)
					.isThrownBy(() -> context.getBean(LevelDb.class).put(bytes("k"), bytes("v")))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TIMEOUT))
					.withMessageContaining("total timeout of 1s");
			});
	}

	@Test
	void customizerReplacingTheOverrideConfigurationKeepsTheStarterRetryStrategy() {
		withServer().withPropertyValues("dynamodown.retry.max-attempts=4")
			.withBean(DynamoDbClientBuilderCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration(
							(configuration) -> configuration.addExecutionInterceptor(new HoldingInterceptor())))
			.run((context) -> assertThat(overrideConfiguration(context).retryStrategy())
				.hasValueSatisfying((strategy) -> assertThat(strategy.maxAttempts()).isEqualTo(4)));
	}

	@Test
	void customizerReplacingTheOverrideConfigurationKeepsTheStarterTimeouts() {
		withServer().withPropertyValues("dynamodown.timeout=3s", "dynamodown.attempt-timeout=700ms")
			.withBean(DynamoDbClientBuilderCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration(
							(configuration) -> configuration.addExecutionInterceptor(new HoldingInterceptor())))
			.run((context) -> {
				ClientOverrideConfiguration configuration = overrideConfiguration(context);
				assertThat(configuration.apiCallTimeout()).contains(Duration.ofSeconds(3));
				assertThat(configuration.apiCallAttemptTimeout()).contains(Duration.ofMillis(700));
			});
	}

	@Test
	void customizerInterceptorsAreKeptBesideTheStarterSettings() {
		HoldingInterceptor hold = new HoldingInterceptor();
		withServer()
			.withBean(DynamoDbClientBuilderCustomizer.class,
					() -> (builder) -> builder
						.overrideConfiguration((configuration) -> configuration.addExecutionInterceptor(hold)))
			.run((context) -> assertThat(overrideConfiguration(context).executionInterceptors()).contains(hold));
	}

	@Test
	void customizerTimeoutsGiveWayToTheProperties() {
		withServer().withPropertyValues("dynamodown.timeout=3s")
			.withBean(DynamoDbClientBuilderCustomizer.class,
					() -> (builder) -> builder
						.overrideConfiguration((configuration) -> configuration.apiCallTimeout(Duration.ofMinutes(5))))
			.run((context) -> assertThat(overrideConfiguration(context).apiCallTimeout())
				.contains(Duration.ofSeconds(3)));
	}

	@Test
	void storeIsClosedOnShutdown() {
		LevelDb[] store = new LevelDb[1];
		withServer().run((context) -> store[0] = context.getBean(LevelDb.class));
		assertThat(store[0].isOpen()).isFalse();
	}

	@Test
	void userLevelDbIsRespected() {
		try (LevelDb userDb = LevelDb.builder(server.client()).table("user-db-" + tables.incrementAndGet()).open()) {
			withServer().withBean(LevelDb.class, () -> userDb, (definition) -> definition.setDestroyMethodName(""))
				.run((context) -> assertThat(context).getBean(LevelDb.class).isSameAs(userDb));
		}
	}

	@Test
	void customizersAreAppliedInOrder() {
		withServer().withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CustomizerConfiguration.class).calls).hasToString("[first, second]");
		});
	}

	@Test
	void levelDbBuilderCustomizersAreAppliedInOrderAfterTheProperties() {
		withServer().withPropertyValues("dynamodown.hash-key=from-properties")
			.withUserConfiguration(LevelDbBuilderCustomizerConfiguration.class)
			.run((context) -> assertThat(context.getBean(LevelDb.class).hashKey()).isEqualTo("second"));
	}

	@Test
	void attributeNamesAreUsedForATableTheStoreCreates() {
		withServer()
			.withPropertyValues("dynamodown.attribute-names.hash-key=pk", "dynamodown.attribute-names.sort-key=sk",
					"dynamodown.attribute-names.value=v")
			.run((context) -> {
				LevelDb db = context.getBean(LevelDb.class);
				db.put(bytes("k"), bytes("value"));
				TableDescription table = server.client().describeTable((r) -> r.tableName(db.table())).table();
				assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
				// the key's item and the database's descriptor (its shard count)
				assertThat(server.client().scan((r) -> r.tableName(db.table())).items()).hasSize(2)
					.allSatisfy((item) -> assertThat(item).containsOnlyKeys("pk", "sk", "v"));
			});
	}

	@Test
	void attributeNamesAdoptAnExistingTable() {
		String table = "adopted-" + tables.incrementAndGet();
		server.client()
			.createTable((request) -> request.tableName(table)
				.keySchema((key) -> key.attributeName("pk").keyType(KeyType.HASH),
						(key) -> key.attributeName("sk").keyType(KeyType.RANGE))
				.attributeDefinitions((attribute) -> attribute.attributeName("pk").attributeType(ScalarAttributeType.S),
						(attribute) -> attribute.attributeName("sk").attributeType(ScalarAttributeType.B))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		withServer()
			.withPropertyValues("dynamodown.table=" + table, "dynamodown.create-if-missing=false",
					"dynamodown.attribute-names.hash-key=pk", "dynamodown.attribute-names.sort-key=sk")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			});
	}

	@Test
	void closeAndActiveTimeoutsAreBound() {
		withServer().withPropertyValues("dynamodown.close-timeout=5s", "dynamodown.active-timeout=1m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DynamoDownProperties properties = context.getBean(DynamoDownProperties.class);
				assertThat(properties.getCloseTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getActiveTimeout()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void everyRequestListenerBeanIsNotified() {
		withServer().withUserConfiguration(ListenerConfiguration.class).run((context) -> {
			ListenerConfiguration listeners = context.getBean(ListenerConfiguration.class);
			int before = listeners.first.get();
			context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			assertThat(listeners.first.get()).isEqualTo(before + 1);
			assertThat(listeners.second.get()).isEqualTo(listeners.first.get());
		});
	}

	@Test
	void connectionDetailsBeanIsUsedForTheClient() {
		this.contextRunner
			.withPropertyValues("dynamodown.table=details-" + tables.incrementAndGet(),
					"dynamodown.endpoint=http://127.0.0.1:1")
			.withBean(DynamoDbConnectionDetails.class, () -> new DynamoDbConnectionDetails() {

				@Override
				public java.net.URI getEndpoint() {
					return server.endpoint();
				}

				@Override
				public String getRegion() {
					return "eu-west-1";
				}

				@Override
				public Credentials getCredentials() {
					return new Credentials("id", "secret");
				}

			})
			.run((context) -> {
				assertThat(context).hasSingleBean(DynamoDbConnectionDetails.class);
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			});
	}

	@Test
	void credentialsToStringHidesTheSecret() {
		DynamoDownProperties.Credentials credentials = new DynamoDownProperties.Credentials();
		credentials.setAccessKeyId("AKIDEXAMPLE");
		credentials.setSecretAccessKey("wJalrXUtnFEMI");
		assertThat(credentials.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI");
		assertThat(new DynamoDbConnectionDetails.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI").toString())
			.doesNotContain("wJalrXUtnFEMI");
	}

	private void assertStoredPlain(String property) {
		byte[] json = jsonDocument();
		withServer().withPropertyValues(property).run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("doc"), json);
			Map<String, AttributeValue> item = rawItem(db, bytes("doc"));
			assertThat(item).doesNotContainKey(AttributeNames.DEFAULT_FORM);
			assertThat(item.get("value").b().asByteArray()).isEqualTo(json);
		});
	}

	/**
	 * The item of a key as the raw SDK reads it (sort key: format byte 0x00, then the
	 * key).
	 */
	private Map<String, AttributeValue> rawItem(LevelDb db, byte[] key) {
		byte[] sortKey = new byte[key.length + 1];
		System.arraycopy(key, 0, sortKey, 1, key.length);
		return this.server.client()
			.getItem((get) -> get.tableName(db.table())
				.consistentRead(true)
				.key(Map.of("hkey", AttributeValue.fromS(db.hashKey()), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)))))
			.item();
	}

	/**
	 * A JSON document of about 8 KB whose entries repeat their field names, as JSON
	 * documents do.
	 */
	private static byte[] jsonDocument() {
		StringBuilder json = new StringBuilder("{\"orders\":[");
		for (int i = 0; i < 80; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"id\":")
				.append(1000 + i)
				.append(",\"customer\":\"customer-")
				.append(i % 7)
				.append("\",\"status\":\"shipped\",\"total\":")
				.append(i * 3)
				.append(".50}");
		}
		return bytes(json.append("]}").toString());
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

	private static ClientOverrideConfiguration overrideConfiguration(ApplicationContext context) {
		return context.getBean(DynamoDbClient.class).serviceClientConfiguration().overrideConfiguration();
	}

	private DynamoDbClient localClient() {
		return this.server.clientBuilder().build();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final java.util.List<String> calls = new java.util.ArrayList<>();

		@Bean
		@Order(2)
		DynamoDbClientBuilderCustomizer second() {
			return (builder) -> this.calls.add("second");
		}

		@Bean
		@Order(1)
		DynamoDbClientBuilderCustomizer first() {
			return (builder) -> this.calls.add("first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LevelDbBuilderCustomizerConfiguration {

		@Bean
		@Order(2)
		LevelDbBuilderCustomizer secondHashKey() {
			return (builder) -> builder.hashKey("second");
		}

		@Bean
		@Order(1)
		LevelDbBuilderCustomizer firstHashKey() {
			return (builder) -> builder.hashKey("first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final AtomicInteger first = new AtomicInteger();

		final AtomicInteger second = new AtomicInteger();

		@Bean
		RequestListener firstListener() {
			return (RequestEvent event) -> this.first.incrementAndGet();
		}

		@Bean
		RequestListener secondListener() {
			return (RequestEvent event) -> this.second.incrementAndGet();
		}

	}

}
