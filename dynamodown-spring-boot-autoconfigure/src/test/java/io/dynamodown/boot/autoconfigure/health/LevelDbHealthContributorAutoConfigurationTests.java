package io.dynamodown.boot.autoconfigure.health;

import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.health.LevelDbHealthIndicator;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LevelDbHealthContributorAutoConfiguration} and
 * {@link LevelDbHealthIndicator}, against the embedded server.
 */
@EmbeddedDynamoDbTest
class LevelDbHealthContributorAutoConfigurationTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final EmbeddedDynamoDb server;

	LevelDbHealthContributorAutoConfigurationTests(EmbeddedDynamoDb server) {
		this.server = server;
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class,
					LevelDbHealthContributorAutoConfiguration.class))
			.withPropertyValues("dynamodown.table=health-" + tables.incrementAndGet(), "dynamodown.hash-key=users",
					"dynamodown.region=us-east-1", "dynamodown.endpoint=" + server.endpoint(),
					"dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=health-secret");
	}

	@Test
	void indicatorIsNamedDynamodown() {
		contextRunner().run((context) -> assertThat(context).hasBean("dynamodownHealthContributor")
			.hasSingleBean(LevelDbHealthIndicator.class));
	}

	@Test
	void indicatorCanBeDisabled() {
		contextRunner().withPropertyValues("management.health.dynamodown.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LevelDbHealthIndicator.class));
	}

	@Test
	void healthIsUpWithDetailsWhenTableIsActive() {
		contextRunner().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			Health health = context.getBean(LevelDbHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("table", db.table())
				.containsEntry("hashKey", "users")
				.containsEntry("shards", 1)
				.containsKey("status");
			assertThat(health.toString()).doesNotContain("health-secret");
		});
	}

	@Test
	void twoStoresAreShownByBeanNameEachCheckedThroughItsOwnStore() {
		String first = "health-first-" + tables.incrementAndGet();
		String second = "health-second-" + tables.incrementAndGet();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class,
					LevelDbHealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always", "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local")
			.withBean("ordersDb", LevelDb.class, () -> LevelDb.builder(server.client()).table(first).open())
			.withBean("usersDb", LevelDb.class,
					() -> LevelDb.builder(server.client()).table(second).hashKey("users").open())
			.run((context) -> {
				assertThat(context).hasSingleBean(HealthContributor.class);
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				CompositeHealthDescriptor dynamodown = (CompositeHealthDescriptor) endpoint.healthForPath("dynamodown");
				assertThat(dynamodown.getComponents()).containsOnlyKeys("ordersDb", "usersDb");
				assertThat(dynamodown.getStatus()).isEqualTo(Status.UP);
				IndicatedHealthDescriptor users = (IndicatedHealthDescriptor) dynamodown.getComponents().get("usersDb");
				assertThat(users.getDetails()).containsEntry("table", second)
					.containsEntry("hashKey", "users")
					.containsEntry("status", "ACTIVE");
				server.client().deleteTable((request) -> request.tableName(first));
				dynamodown = (CompositeHealthDescriptor) endpoint.healthForPath("dynamodown");
				assertThat(dynamodown.getStatus()).isEqualTo(Status.DOWN);
				assertThat(dynamodown.getComponents().get("ordersDb").getStatus()).isEqualTo(Status.DOWN);
				assertThat(dynamodown.getComponents().get("usersDb").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthIsDownWithTheErrorAfterTheTableIsDeleted() {
		contextRunner().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			server.client().deleteTable((request) -> request.tableName(db.table()));
			Health health = context.getBean(LevelDbHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("TABLE_MISSING");
			assertThat(health.toString()).doesNotContain("health-secret");
		});
	}

}
