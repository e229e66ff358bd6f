package io.dynamodown.boot.autoconfigure.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.LevelDb;
import io.dynamodown.Range;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.micrometer.MicrometerRequestListener;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.dynamodown.metrics.MalformedItemEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.metrics.RetryEvent;
import io.dynamodown.metrics.RetryReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LevelDbMetricsAutoConfiguration} and
 * {@link MicrometerRequestListener}, counting real requests to the embedded server.
 */
@EmbeddedDynamoDbTest
class LevelDbMetricsAutoConfigurationTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final EmbeddedDynamoDb server;

	LevelDbMetricsAutoConfigurationTests(EmbeddedDynamoDb server) {
		this.server = server;
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					LevelDbMetricsAutoConfiguration.class, LevelDbAutoConfiguration.class))
			.withPropertyValues("dynamodown.table=metrics-" + tables.incrementAndGet(), "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local");
	}

	@Test
	void putIsTimedAndItsCapacityCounted() {
		contextRunner().run((context) -> {
			assertThat(context).hasSingleBean(MicrometerRequestListener.class);
			LevelDb db = context.getBean(LevelDb.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			// opening the store recorded its descriptor with one PutItem
			db.put(bytes("k"), bytes("v"));
			db.put(bytes("l"), bytes("w"));
			assertThat(registry.get("dynamodown.requests")
				.tags("table", db.table(), "operation", "PutItem", "outcome", "success")
				.timer()
				.count()).isEqualTo(3);
			assertThat(registry.get("dynamodown.capacity.consumed")
				.tags("table", db.table(), "operation", "PutItem", "type", "write")
				.counter()
				.count()).isEqualTo(3.0);
		});
	}

	@Test
	void readsCountReadCapacity() {
		contextRunner().run((context) -> {
			LevelDb db = context.getBean(LevelDb.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			db.put(bytes("k"), bytes("v"));
			db.get(bytes("k"));
			try (var entries = db.stream(Range.all())) {
				assertThat(entries).hasSize(1);
			}
			assertThat(registry.get("dynamodown.capacity.consumed")
				.tags("operation", "GetItem", "type", "read")
				.counter()
				.count()).isPositive();
			assertThat(registry.get("dynamodown.requests").tags("operation", "Query").timer().count()).isPositive();
		});
	}

	@Test
	void throttleRetryAndUnprocessedCountersExistAtZeroFromStartup() {
		contextRunner().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			String table = context.getBean(LevelDb.class).table();
			assertThat(
					registry.get("dynamodown.throttles").tags("table", table, "operation", "PutItem").counter().count())
				.isZero();
			assertThat(registry.get("dynamodown.retries")
				.tags("table", table, "operation", "BatchWriteItem", "reason", "unprocessed")
				.counter()
				.count()).isZero();
			assertThat(registry.get("dynamodown.unprocessed")
				.tags("table", table, "operation", "BatchGetItem")
				.counter()
				.count()).isZero();
		});
	}

	@Test
	void itemsAStoreCannotReadAreCountedFromZeroByOperation() {
		contextRunner().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			String table = context.getBean(LevelDb.class).table();
			assertThat(registry.get("dynamodown.items.malformed")
				.tags("table", table, "operation", "repair")
				.counter()
				.count()).isZero();
			RequestListener listener = context.getBean(MicrometerRequestListener.class);
			listener.onMalformedItem(new MalformedItemEvent("clear", table, "6b", "form of 3 bytes"));
			assertThat(registry.get("dynamodown.items.malformed")
				.tags("table", table, "operation", "clear")
				.counter()
				.count()).isEqualTo(1.0);
		});
	}

	@Test
	void metricsCanBeDisabled() {
		contextRunner().withPropertyValues("dynamodown.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(MicrometerRequestListener.class);
			context.getBean(LevelDb.class).put(bytes("k"), bytes("v"));
			assertThat(context.getBean(MeterRegistry.class).find("dynamodown.requests").meters()).isEmpty();
		});
	}

	@Test
	void noListenerWithoutMeterRegistry() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LevelDbMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestListener.class));
	}

	@Test
	void throttlesRetriesAndUnprocessedAreCounted() {
		MeterRegistry registry = new SimpleMeterRegistry();
		MicrometerRequestListener listener = new MicrometerRequestListener(registry);
		listener.onRequest(
				new RequestEvent("BatchWriteItem", "t", 0, 0, Duration.ofMillis(3), RequestOutcome.THROTTLED, 0));
		listener
			.onRequest(new RequestEvent("BatchWriteItem", "t", 0, 5, Duration.ofMillis(3), RequestOutcome.SUCCESS, 7));
		listener.onRetry(new RetryEvent("BatchWriteItem", "t", 2, RetryReason.THROTTLED, Duration.ofMillis(1)));
		listener.onRetry(new RetryEvent("BatchWriteItem", "t", 2, RetryReason.UNPROCESSED, Duration.ofMillis(1)));
		assertThat(registry.get("dynamodown.throttles").tags("operation", "BatchWriteItem").counter().count())
			.isEqualTo(2.0);
		assertThat(registry.get("dynamodown.retries").tags("reason", "unprocessed").counter().count()).isEqualTo(1.0);
		assertThat(registry.get("dynamodown.unprocessed").tags("table", "t").counter().count()).isEqualTo(7.0);
		assertThat(registry.get("dynamodown.retries").tags("reason", "throttled").counter().count()).isEqualTo(1.0);
		assertThat(registry.get("dynamodown.requests").tags("outcome", "throttled").timer().count()).isEqualTo(1);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
