package io.dynamodown.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.boot.autoconfigure.health.LevelDbHealthContributorAutoConfiguration;
import io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the stores of {@code dynamodown.stores.<name>.*}, against the embedded
 * server.
 */
@EmbeddedDynamoDbTest
class LevelDbStoresTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final EmbeddedDynamoDb server;

	LevelDbStoresTests(EmbeddedDynamoDb server) {
		this.server = server;
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, LevelDbMetricsAutoConfiguration.class,
							LevelDbAutoConfiguration.class, LevelDbHealthContributorAutoConfiguration.class,
							HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always", "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + this.server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local");
	}

	private static String table(String name) {
		return "stores-" + name + "-" + tables.incrementAndGet();
	}

	@Test
	void missingTableOfAnEntryNamesTheEntrysProperties() {
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + table("missing"),
					"dynamodown.stores.orders.create-if-missing=false")
			.run((context) -> {
				FailureAnalysis analysis = new LevelDbOpenFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("does not exist and dynamodown.stores.orders.create-if-missing is false");
				assertThat(analysis.getAction()).contains("set dynamodown.stores.orders.create-if-missing=true")
					.contains("correct dynamodown.stores.orders.table");
			});
	}

	@Test
	void twoStoresAreBeansInjectableByQualifierWithIndependentData() {
		String orders = table("orders");
		String users = table("users");
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + orders, "dynamodown.stores.users.table=" + users,
					"dynamodown.stores.users.hash-key=people")
			.withUserConfiguration(StoreUsers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(LevelDb.class)).containsOnlyKeys("ordersLevelDb", "usersLevelDb");
				assertThat(context).hasSingleBean(DynamoDbClient.class);
				StoreUsers stores = context.getBean(StoreUsers.class);
				assertThat(stores.orders).isSameAs(context.getBean("ordersLevelDb"));
				assertThat(stores.users).isSameAs(context.getBean("usersLevelDb"));
				assertThat(stores.orders.table()).isEqualTo(orders);
				assertThat(stores.orders.hashKey()).isEqualTo("!");
				assertThat(stores.users.table()).isEqualTo(users);
				assertThat(stores.users.hashKey()).isEqualTo("people");
				stores.orders.put(bytes("k"), bytes("order"));
				stores.users.put(bytes("k"), bytes("user"));
				assertThat(stores.orders.get(bytes("k"))).hasValue(bytes("order"));
				assertThat(stores.users.get(bytes("k"))).hasValue(bytes("user"));
				stores.orders.delete(bytes("k"));
				assertThat(stores.orders.get(bytes("k"))).isEmpty();
				assertThat(stores.users.get(bytes("k"))).hasValue(bytes("user"));
			});
	}

	@Test
	void healthShowsEachStoreByBeanName() {
		String orders = table("orders");
		String users = table("users");
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + orders, "dynamodown.stores.users.table=" + users)
			.run((context) -> {
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				CompositeHealthDescriptor dynamodown = (CompositeHealthDescriptor) endpoint.healthForPath("dynamodown");
				assertThat(dynamodown.getComponents()).containsOnlyKeys("ordersLevelDb", "usersLevelDb");
				assertThat(dynamodown.getStatus()).isEqualTo(Status.UP);
				assertThat(((IndicatedHealthDescriptor) dynamodown.getComponents().get("ordersLevelDb")).getDetails())
					.containsEntry("table", orders);
				assertThat(((IndicatedHealthDescriptor) dynamodown.getComponents().get("usersLevelDb")).getDetails())
					.containsEntry("table", users);
				this.server.client().deleteTable((request) -> request.tableName(orders));
				dynamodown = (CompositeHealthDescriptor) endpoint.healthForPath("dynamodown");
				assertThat(dynamodown.getStatus()).isEqualTo(Status.DOWN);
				assertThat(dynamodown.getComponents().get("ordersLevelDb").getStatus()).isEqualTo(Status.DOWN);
				assertThat(dynamodown.getComponents().get("usersLevelDb").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void eachStoresMetersAreTaggedWithItsTable() {
		String orders = table("orders");
		String users = table("users");
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + orders, "dynamodown.stores.users.table=" + users)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				LevelDb ordersDb = context.getBean("ordersLevelDb", LevelDb.class);
				LevelDb usersDb = context.getBean("usersLevelDb", LevelDb.class);
				// each store created its table and recorded its descriptor with one
				// PutItem
				ordersDb.put(bytes("a"), bytes("1"));
				ordersDb.put(bytes("b"), bytes("2"));
				usersDb.put(bytes("a"), bytes("1"));
				assertThat(registry.get("dynamodown.requests")
					.tags("table", orders, "operation", "PutItem", "outcome", "success")
					.timer()
					.count()).isEqualTo(3);
				assertThat(registry.get("dynamodown.requests")
					.tags("table", users, "operation", "PutItem", "outcome", "success")
					.timer()
					.count()).isEqualTo(2);
				assertThat(registry.get("dynamodown.throttles").tags("table", orders).counters()).isNotEmpty();
				assertThat(registry.get("dynamodown.throttles").tags("table", users).counters()).isNotEmpty();
			});
	}

	@Test
	void everyCustomizerAppliesToEveryStore() {
		List<String> customized = new ArrayList<>();
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + table("orders"),
					"dynamodown.stores.users.table=" + table("users"))
			.withBean("first", LevelDbBuilderCustomizer.class, () -> (builder) -> customized.add("first"))
			.withBean("second", LevelDbBuilderCustomizer.class, () -> (builder) -> customized.add("second"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(customized).hasSize(4).containsOnly("first", "second");
			});
	}

	@Test
	void singleStoreIsCreatedTooAsThePrimaryWhenTableIsSet() {
		String single = table("single");
		String orders = table("orders");
		contextRunner().withPropertyValues("dynamodown.table=" + single, "dynamodown.stores.orders.table=" + orders)
			.run((context) -> {
				assertThat(context.getBeansOfType(LevelDb.class)).containsOnlyKeys("levelDb", "ordersLevelDb");
				assertThat(context.getBean(LevelDb.class).table()).isEqualTo(single);
				CompositeHealthDescriptor dynamodown = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("dynamodown");
				assertThat(dynamodown.getComponents()).containsOnlyKeys("levelDb", "ordersLevelDb");
			});
	}

	@Test
	void entryOverridesTheSharedSettings() {
		contextRunner()
			.withPropertyValues("dynamodown.max-value-size=64KB", "dynamodown.stores.small.table=" + table("small"),
					"dynamodown.stores.small.max-value-size=1KB", "dynamodown.stores.small.compression.enabled=false",
					"dynamodown.stores.large.table=" + table("large"))
			.run((context) -> {
				byte[] value = new byte[4096];
				context.getBean("largeLevelDb", LevelDb.class).put(bytes("k"), value);
				assertThatExceptionOfType(LevelDbException.class)
					.isThrownBy(() -> context.getBean("smallLevelDb", LevelDb.class).put(bytes("k"), value))
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_VALUE));
			});
	}

	@Test
	void entryWithAnInvalidTableFailsNamingItsProperty() {
		contextRunner().withPropertyValues("dynamodown.stores.orders.table=x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidDynamoDownPropertyException.class)
				.satisfies((ex) -> assertThat(((InvalidDynamoDownPropertyException) ex).getProperty())
					.isEqualTo("dynamodown.stores.orders.table"))
				.hasMessageContaining("is invalid: dynamodown.stores.orders.table must be 3 to 255 characters");
		});
	}

	@Test
	void entryWithoutATableFailsNamingItsProperty() {
		contextRunner().withPropertyValues("dynamodown.stores.orders.hash-key=orders").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidDynamoDownPropertyException.class)
				.hasMessageContaining("dynamodown.stores.orders.table must be set");
		});
	}

	@Test
	void invalidOverrideIsNamedWithItsEntry() {
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + table("orders"),
					"dynamodown.stores.orders.compression.level=42")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidDynamoDownPropertyException.class)
					.satisfies((ex) -> assertThat(((InvalidDynamoDownPropertyException) ex).getProperty())
						.isEqualTo("dynamodown.stores.orders.compression.level"));
			});
	}

	@Test
	void invalidSharedSettingIsNamedAsShared() {
		contextRunner()
			.withPropertyValues("dynamodown.stores.orders.table=" + table("orders"), "dynamodown.compression.level=42")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidDynamoDownPropertyException.class)
					.satisfies((ex) -> assertThat(((InvalidDynamoDownPropertyException) ex).getProperty())
						.isEqualTo("dynamodown.compression.level"));
			});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreUsers {

		final LevelDb orders;

		final LevelDb users;

		StoreUsers(@Qualifier("orders") LevelDb orders, @Qualifier("users") LevelDb users) {
			this.orders = orders;
			this.users = users;
		}

		@Bean
		String storeUsersMarker() {
			return "marker";
		}

	}

}
