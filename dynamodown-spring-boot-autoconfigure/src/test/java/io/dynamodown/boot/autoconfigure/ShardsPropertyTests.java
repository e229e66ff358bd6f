package io.dynamodown.boot.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.LevelDb;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dynamodown.shards} and {@code dynamodown.stores.<name>.shards}: the store's
 * shard count, checked by the core and named when invalid, and a database opened with
 * another count than its own reported with both counts and the property to change.
 */
@EmbeddedDynamoDbTest
class ShardsPropertyTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final ApplicationContextRunner contextRunner;

	ShardsPropertyTests(EmbeddedDynamoDb server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class))
			.withPropertyValues("dynamodown.region=us-east-1", "dynamodown.endpoint=" + server.endpoint(),
					"dynamodown.credentials.access-key-id=local", "dynamodown.credentials.secret-access-key=local");
	}

	@Test
	void storeHasTheShardsOfTheProperty() {
		this.contextRunner
			.withPropertyValues("dynamodown.table=shards-" + tables.incrementAndGet(), "dynamodown.shards=4")
			.run((context) -> assertThat(context.getBean(LevelDb.class).shards()).isEqualTo(4));
	}

	@Test
	void entryHasShardsOfItsOwn() {
		int n = tables.incrementAndGet();
		this.contextRunner
			.withPropertyValues("dynamodown.shards=4", "dynamodown.stores.orders.table=shards-" + n,
					"dynamodown.stores.orders.shards=3", "dynamodown.stores.users.table=shards-" + n,
					"dynamodown.stores.users.hash-key=users")
			.run((context) -> {
				assertThat(context.getBean("ordersLevelDb", LevelDb.class).shards()).isEqualTo(3);
				assertThat(context.getBean("usersLevelDb", LevelDb.class).shards()).isEqualTo(1);
			});
	}

	@Test
	void shardsOutOfRangeAreNamed() {
		this.contextRunner.withPropertyValues("dynamodown.table=shards-invalid", "dynamodown.shards=0")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidDynamoDownPropertyFailureAnalyzer(null)
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Property: dynamodown.shards")
					.contains("must be 1 to 256");
			});
	}

	@Test
	void anotherShardCountThanTheDatabasesNamesBothCountsAndTheProperty() {
		String table = "shards-" + tables.incrementAndGet();
		this.contextRunner.withPropertyValues("dynamodown.table=" + table, "dynamodown.shards=4")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("dynamodown.table=" + table, "dynamodown.shards=2").run((context) -> {
			FailureAnalysis analysis = new LevelDbOpenFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.contains("The database has 4 shards, and dynamodown.shards asks for 2");
			assertThat(analysis.getAction()).startsWith("Set dynamodown.shards=4,");
		});
	}

	@Test
	void anotherShardCountOfAnEntryNamesTheEntrysProperty() {
		String table = "shards-" + tables.incrementAndGet();
		this.contextRunner.withPropertyValues("dynamodown.stores.orders.table=" + table)
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("dynamodown.stores.orders.table=" + table, "dynamodown.stores.orders.shards=8")
			.run((context) -> {
				FailureAnalysis analysis = new LevelDbOpenFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("The database has 1 shard, and dynamodown.stores.orders.shards asks for 8");
				assertThat(analysis.getAction()).startsWith("Set dynamodown.stores.orders.shards=1,");
			});
	}

}
