package io.dynamodown.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.dynamodown.Compression;
import io.dynamodown.LevelDbBuilder;
import io.dynamodown.boot.cache.CacheSerializationPolicy;
import io.dynamodown.changes.SubscriptionOptions;
import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the configuration metadata IDEs read: a description for every property, hints in
 * the form the docs use, the health switch.
 */
class ConfigurationMetadataTests {

	private final Object metadata = read();

	@Test
	void everyPropertyHasADescription() {
		List<Map<String, Object>> properties = JsonPath.read(this.metadata, "$.properties");
		assertThat(properties).isNotEmpty()
			.allSatisfy((property) -> assertThat(property.get("description")).as("%s", property.get("name"))
				.asString()
				.isNotBlank());
	}

	@Test
	void billingModeIsHintedAsTheDocsWriteIt() {
		List<String> values = JsonPath.read(this.metadata,
				"$.hints[?(@.name == 'dynamodown.billing-mode')].values[*].value");
		assertThat(values).containsExactly("on-demand", "provisioned");
	}

	@Test
	void compressionCodecIsHintedAsTheDocsWriteIt() {
		List<String> values = JsonPath.read(this.metadata,
				"$.hints[?(@.name == 'dynamodown.compression.codec')].values[*].value");
		assertThat(values).containsExactly("deflate", "none");
	}

	@Test
	void healthSwitchIsDescribedWithItsDefault() {
		List<Object> defaults = JsonPath.read(this.metadata,
				"$.properties[?(@.name == 'management.health.dynamodown.enabled')].defaultValue");
		assertThat(defaults).containsExactly(true);
	}

	@Test
	void defaultsAreThoseOfTheCore() {
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.retry.deadline")))
			.isEqualTo(RetryPolicy.DEFAULT_DEADLINE);
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.retry.base-delay")))
			.isEqualTo(RetryPolicy.DEFAULT_BASE_DELAY);
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.retry.max-delay")))
			.isEqualTo(RetryPolicy.DEFAULT_MAX_DELAY);
		assertThat(defaultValue("dynamodown.retry.max-attempts"))
			.isEqualTo(String.valueOf(RetryPolicy.DEFAULT_MAX_ATTEMPTS));
		assertThat(defaultValue("dynamodown.concurrency"))
			.isEqualTo(String.valueOf(LevelDbBuilder.DEFAULT_CONCURRENCY));
		assertThat(defaultValue("dynamodown.hash-key")).isEqualTo(LevelDbBuilder.DEFAULT_HASH_KEY);
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.timeout")))
			.isEqualTo(LevelDbBuilder.DEFAULT_TIMEOUT);
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.attempt-timeout")))
			.isEqualTo(LevelDbBuilder.DEFAULT_ATTEMPT_TIMEOUT);
		assertThat(DataSize.parse(defaultValue("dynamodown.max-value-size")).toBytes())
			.isEqualTo(LevelDbBuilder.DEFAULT_MAX_VALUE_SIZE);
		assertThat(DataSize.parse(defaultValue("dynamodown.read-budget")).toBytes())
			.isEqualTo(LevelDbBuilder.DEFAULT_READ_BUDGET);
		assertThat(defaultValue("dynamodown.cache.serialization.max-depth"))
			.isEqualTo(String.valueOf(CacheSerializationPolicy.DEFAULT_MAX_DEPTH));
		assertThat(defaultValue("dynamodown.cache.serialization.max-references"))
			.isEqualTo(String.valueOf(CacheSerializationPolicy.DEFAULT_MAX_REFERENCES));
		assertThat(defaultValue("dynamodown.cache.serialization.max-array-length"))
			.isEqualTo(String.valueOf(CacheSerializationPolicy.DEFAULT_MAX_ARRAY_LENGTH));
		assertThat(DataSize.parse(defaultValue("dynamodown.cache.serialization.max-size")).toBytes())
			.isEqualTo(CacheSerializationPolicy.DEFAULT_MAX_BYTES);
		assertThat(defaultValue("dynamodown.compression.level")).isEqualTo(String.valueOf(Compression.DEFAULT_LEVEL));
		assertThat(defaultValue("dynamodown.compression.codec"))
			.isEqualTo(Compression.DEFAULT.codec().name().toLowerCase(Locale.ROOT));
		assertThat(defaultValue("dynamodown.compression.enabled")).isEqualTo("true");
		assertThat(defaultValue("dynamodown.attribute-names.hash-key")).isEqualTo(AttributeNames.DEFAULT.hashKey());
		assertThat(defaultValue("dynamodown.attribute-names.sort-key")).isEqualTo(AttributeNames.DEFAULT.sortKey());
		assertThat(defaultValue("dynamodown.attribute-names.value")).isEqualTo(AttributeNames.DEFAULT.value());
		assertThat(defaultValue("dynamodown.attribute-names.ttl")).isEqualTo(AttributeNames.DEFAULT.ttl());
		assertThat(defaultValue("dynamodown.attribute-names.form")).isEqualTo(AttributeNames.DEFAULT.form());
	}

	@Test
	void changeFeedDefaultsAreThoseOfTheCore() {
		SubscriptionOptions defaults = SubscriptionOptions.DEFAULT;
		assertThat(defaultValue("dynamodown.changes.start-position"))
			.isEqualTo(defaults.startPosition().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.changes.poll-interval")))
			.isEqualTo(defaults.pollInterval());
		assertThat(defaultValue("dynamodown.changes.batch-size")).isEqualTo(String.valueOf(defaults.batchSize()));
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.changes.lease-duration")))
			.isEqualTo(defaults.leaseDuration());
		assertThat(defaultValue("dynamodown.changes.handler-retry.max-attempts"))
			.isEqualTo(String.valueOf(defaults.handlerRetry().maxAttempts()));
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.changes.handler-retry.base-delay")))
			.isEqualTo(defaults.handlerRetry().baseDelay());
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.changes.handler-retry.max-delay")))
			.isEqualTo(defaults.handlerRetry().maxDelay());
		assertThat(DurationStyle.detectAndParse(defaultValue("dynamodown.changes.handler-retry.deadline")))
			.isEqualTo(defaults.handlerRetry().deadline());
		assertThat(defaultValue("dynamodown.changes.enabled")).isEqualTo("true");
		assertThat(defaultValue("dynamodown.shards")).isEqualTo("1");
	}

	@Test
	void embeddedPortIsDescribedWithItsDefault() {
		assertThat(defaultValue("dynamodown.embedded.port")).isEqualTo("0");
		List<String> descriptions = JsonPath.read(this.metadata,
				"$.properties[?(@.name == 'dynamodown.embedded.port')].description");
		assertThat(descriptions).singleElement().asString().contains("0 for a free port");
	}

	private String defaultValue(String property) {
		List<Object> values = JsonPath.read(this.metadata,
				"$.properties[?(@.name == '" + property + "')].defaultValue");
		assertThat(values).as(property).hasSize(1);
		return String.valueOf(values.get(0));
	}

	private static Object read() {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			return JsonPath.parse(input).json();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
