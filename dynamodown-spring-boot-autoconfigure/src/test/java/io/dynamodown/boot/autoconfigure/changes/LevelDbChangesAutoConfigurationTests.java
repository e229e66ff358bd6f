package io.dynamodown.boot.autoconfigure.changes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamodown.Change;
import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.Subscription;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.autoconfigure.health.LevelDbHealthContributorAutoConfiguration;
import io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import io.dynamodown.boot.health.LevelDbHealthIndicator;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LevelDbChangesAutoConfiguration}: listener beans subscribed to the
 * change feed of a store on the project's server, over HTTP.
 */
@EmbeddedDynamoDbTest
class LevelDbChangesAutoConfigurationTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private final EmbeddedDynamoDb server;

	LevelDbChangesAutoConfigurationTests(EmbeddedDynamoDb server) {
		this.server = server;
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LevelDbAutoConfiguration.class, LevelDbChangesAutoConfiguration.class))
			.withPropertyValues("dynamodown.table=changes-" + tables.incrementAndGet(), "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + this.server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local", "spring.application.name=orders-app",
					"dynamodown.changes.poll-interval=20ms");
	}

	@Test
	void listenerReceivesTheChangesOfTheStore() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(LevelDbChangeSubscriptions.class)
				.hasSingleBean(DynamoDbStreamsClient.class);
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("k"), bytes("v"));
			db.delete(bytes("k"));
			BlockingQueue<Change> changes = context.getBean(QueueListenerConfiguration.class).changes;
			Change put = next(changes);
			assertThat(put.kind()).isEqualTo(Change.Kind.PUT);
			assertThat(put.key()).isEqualTo(bytes("k"));
			assertThat(put.value()).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("v")));
			assertThat(next(changes).kind()).isEqualTo(Change.Kind.DELETE);
		});
	}

	@Test
	void consumerNameDefaultsToTheApplicationName() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.run((context) -> assertThat(subscription(context).consumer()).isEqualTo("orders-app"));
	}

	@Test
	void consumerNamePropertyOverridesTheApplicationName() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.withPropertyValues("dynamodown.changes.consumer=indexer")
			.run((context) -> assertThat(subscription(context).consumer()).isEqualTo("indexer"));
	}

	@Test
	void subscriptionIsClosedBeforeTheStore() {
		StoreUser.seen.set(null);
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class, StoreUserConfiguration.class)
			.run((context) -> assertThat(subscription(context).isActive()).isTrue());
		assertThat(StoreUser.seen).hasValue("subscription inactive, store open");
	}

	@Test
	void nothingIsSubscribedWithoutListeners() {
		contextRunner().run((context) -> assertThat(context).doesNotHaveBean(LevelDbChangeSubscriptions.class)
			.hasSingleBean(DynamoDbStreamsClient.class));
	}

	@Test
	void nothingIsSubscribedWhenDisabled() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.withPropertyValues("dynamodown.changes.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LevelDbChangeSubscriptions.class));
	}

	@Test
	void applicationClientWithoutStreamsClientLetsTheStoreDeriveOne() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.withBean(DynamoDbClient.class, () -> this.server.clientBuilder().build())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DynamoDbStreamsClient.class);
				context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
				assertThat(next(context.getBean(QueueListenerConfiguration.class).changes).kind())
					.isEqualTo(Change.Kind.PUT);
			});
	}

	@Test
	void qualifiedListenerReceivesTheChangesOfItsStore() {
		int n = tables.incrementAndGet();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LevelDbAutoConfiguration.class, LevelDbChangesAutoConfiguration.class))
			.withPropertyValues("dynamodown.region=us-east-1", "dynamodown.endpoint=" + this.server.endpoint(),
					"dynamodown.credentials.access-key-id=local", "dynamodown.credentials.secret-access-key=local",
					"dynamodown.stores.orders.table=orders-" + n, "dynamodown.stores.users.table=users-" + n,
					"dynamodown.changes.consumer=app", "dynamodown.changes.poll-interval=20ms")
			.withUserConfiguration(UsersListenerConfiguration.class)
			.run((context) -> {
				LevelDb orders = context.getBean("ordersLevelDb", LevelDb.class);
				LevelDb users = context.getBean("usersLevelDb", LevelDb.class);
				LevelDbChangeSubscriptions subscriptions = context.getBean(LevelDbChangeSubscriptions.class);
				assertThat(subscriptions.subscription(orders)).isEmpty();
				assertThat(subscriptions.subscription(users)).isPresent();
				orders.put(bytes("order"), bytes("1"));
				users.put(bytes("user"), bytes("1"));
				Change change = next(context.getBean(UsersListenerConfiguration.class).changes);
				assertThat(change.key()).isEqualTo(bytes("user"));
			});
	}

	@Test
	void deliveriesAreMeasured() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, LevelDbMetricsAutoConfiguration.class))
			.run((context) -> {
				LevelDb db = context.getBean(LevelDb.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("dynamodown.changes.shards")
					.tags("table", db.table(), "consumer", "orders-app")
					.gauge()
					.value()).isEqualTo(1.0);
				db.put(bytes("k"), bytes("v"));
				db.delete(bytes("k"));
				BlockingQueue<Change> changes = context.getBean(QueueListenerConfiguration.class).changes;
				next(changes);
				// the put is counted once the listener returned: surely when the next
				// change, on the same thread, has arrived
				next(changes);
				assertThat(registry.get("dynamodown.changes.delivered")
					.tags("table", db.table(), "consumer", "orders-app", "kind", "put")
					.counter()
					.count()).isEqualTo(1.0);
				assertThat(registry.get("dynamodown.changes.lag")
					.tags("table", db.table(), "consumer", "orders-app")
					.timer()
					.count()).isEqualTo(2);
				assertThat(registry.get("dynamodown.changes.handler.failures").counter().count()).isZero();
			});
	}

	@Test
	void metricsCanBeDisabled() {
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, LevelDbMetricsAutoConfiguration.class))
			.withPropertyValues("dynamodown.metrics.enabled=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("dynamodown.changes.shards").gauge())
				.isNull());
	}

	@Test
	void eachDeliveryIsObserved() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		contextRunner().withUserConfiguration(QueueListenerConfiguration.class)
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				LevelDb db = context.getBean(LevelDb.class);
				db.put(bytes("k"), bytes("v"));
				db.delete(bytes("k"));
				BlockingQueue<Change> changes = context.getBean(QueueListenerConfiguration.class).changes;
				next(changes);
				// the put's observation has stopped when the next change has arrived
				next(changes);
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("dynamodown.change")
					.that()
					.hasLowCardinalityKeyValue("kind", "put")
					.hasLowCardinalityKeyValue("consumer", "orders-app")
					.hasLowCardinalityKeyValue("table", db.table())
					.hasBeenStopped();
			});
	}

	@Test
	void aListenerThatKeepsFailingStopsItsSubscriptionAndTurnsTheStoreDown() {
		contextRunner().withUserConfiguration(FailingListenerConfiguration.class)
			.withConfiguration(AutoConfigurations.of(LevelDbHealthContributorAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, LevelDbMetricsAutoConfiguration.class))
			.withPropertyValues("dynamodown.changes.handler-retry.max-attempts=2",
					"dynamodown.changes.handler-retry.base-delay=1ms", "dynamodown.changes.handler-retry.max-delay=1ms")
			.run((context) -> {
				LevelDb db = context.getBean(LevelDb.class);
				Subscription subscription = subscription(context);
				assertThat(context.getBean(LevelDbHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
				db.put(bytes("k"), bytes("v"));
				subscription.stopped()
					.toCompletableFuture()
					.handle((done, failure) -> failure)
					.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
				assertThat(subscription.failure())
					.hasValueSatisfying((failure) -> assertThat(failure.code()).isEqualTo(ErrorCode.HANDLER_FAILED));
				Health health = context.getBean(LevelDbHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("changes"))
					.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
					.containsEntry("consumer", "orders-app")
					.containsEntry("state", "failed")
					.containsKey("error");
				assertThat(context.getBean(MeterRegistry.class)
					.get("dynamodown.changes.handler.failures")
					.tags("table", db.table())
					.counter()
					.count()).isEqualTo(2.0);
			});
	}

	private static Subscription subscription(ConfigurableApplicationContext context) {
		return context.getBean(LevelDbChangeSubscriptions.class)
			.subscription(context.getBean(LevelDb.class))
			.orElseThrow();
	}

	private static Change next(BlockingQueue<Change> changes) throws InterruptedException {
		Change change = changes.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
		assertThat(change).as("a change within %s", DEADLINE).isNotNull();
		return change;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	static class QueueListenerConfiguration {

		final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();

		@Bean
		LevelDbChangeListener queueListener() {
			return this.changes::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UsersListenerConfiguration {

		final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();

		@Bean
		@Qualifier("users")
		LevelDbChangeListener usersListener() {
			return this.changes::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListenerConfiguration {

		@Bean
		LevelDbChangeListener failingListener() {
			return (change) -> {
				throw new IllegalStateException("refused");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StoreUserConfiguration {

		@Bean
		StoreUser storeUser(LevelDb store, LevelDbChangeSubscriptions subscriptions) {
			return new StoreUser(store, subscriptions);
		}

	}

	/**
	 * A bean that uses the store, so it is destroyed before the store: it records what it
	 * sees of the subscription and the store then.
	 */
	static class StoreUser implements DisposableBean {

		static final AtomicReference<String> seen = new AtomicReference<>();

		private final LevelDb store;

		private final LevelDbChangeSubscriptions subscriptions;

		StoreUser(LevelDb store, LevelDbChangeSubscriptions subscriptions) {
			this.store = store;
			this.subscriptions = subscriptions;
		}

		@Override
		public void destroy() {
			boolean active = this.subscriptions.subscription(this.store).orElseThrow().isActive();
			this.store.get(bytes("any"));
			seen.set("subscription " + (active ? "active" : "inactive") + ", store open");
		}

	}

}
