package io.dynamodown.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.boot.autoconfigure.UnknownPropertiesReporter.KnownKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.boot.json.JacksonJsonParser;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownPropertiesReporter}, through {@link LevelDbAutoConfiguration}.
 * The table is missing in every context, so that no test needs a server: the report comes
 * before any bean is created.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertiesReporterTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class));

	@Test
	void everyPropertyIsKnownWhenTheMetadataIsReadWithoutAJsonLibrary() {
		ConfigurationPropertyName last = ConfigurationPropertyName.of("dynamodown.write-capacity");
		KnownKeys withoutLibrary = UnknownPropertiesReporter.knownKeys(getClass().getClassLoader(),
				new BasicJsonParser());
		KnownKeys withJackson = UnknownPropertiesReporter.knownKeys(getClass().getClassLoader(),
				new JacksonJsonParser());
		assertThat(withoutLibrary.isKnown(last)).isTrue();
		assertThat(withoutLibrary.isKnown(ConfigurationPropertyName.of("dynamodown.write-capacit"))).isFalse();
		assertThat(withoutLibrary.closest("dynamodown.tabel")).isEqualTo(withJackson.closest("dynamodown.tabel"))
			.isEqualTo("dynamodown.table");
	}

	@Test
	void misspelledKeyIsLoggedWithTheClosestKnownKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dynamodown.embeded.enabled=true")
			.run((context) -> assertThat(output).contains("Unknown property dynamodown.embeded.enabled")
				.contains("is not a dynamodown property; did you mean dynamodown.embedded.enabled?")
				.contains("Set dynamodown.fail-on-unknown-properties=true"));
	}

	@Test
	void transposedLettersSuggestTheKnownKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dynamodown.tabel=orders")
			.run((context) -> assertThat(output).contains("did you mean dynamodown.table?"));
	}

	@Test
	void keyFarFromEveryKnownKeyHasNoSuggestion(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dynamodown.completely-different-setting=1")
			.run((context) -> assertThat(output).contains("Unknown property dynamodown.completely-different-setting")
				.doesNotContain("did you mean"));
	}

	@Test
	void unknownKeyFailsStartupWhenAsked() {
		this.contextRunner
			.withPropertyValues("dynamodown.embeded.enabled=true", "dynamodown.fail-on-unknown-properties=true")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOfSatisfying(InvalidDynamoDownPropertyException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("dynamodown.embeded.enabled");
					assertThat(ex.getValue()).isEqualTo("true");
					assertThat(ex.getRule()).contains("did you mean dynamodown.embedded.enabled?");
				}));
	}

	@Test
	void knownKeysListElementsAndMapEntriesAreNotReported(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("dynamodown.table=orders", "dynamodown.retry.max-attempts=3",
					"dynamodown.cache.cache-names[0]=a", "dynamodown.cache.caches.squares.time-to-live=1m",
					"dynamodown.attribute-names.hash-key=pk", "dynamodown.fail-on-unknown-properties=true")
			.run((context) -> assertThat(output).doesNotContain("Unknown property"));
	}

	@Test
	void keysOfStoreEntriesAreNotReported(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("dynamodown.stores.orders.table=orders", "dynamodown.stores.orders.hash-key=o",
					"dynamodown.stores.orders.compression.level=3", "dynamodown.fail-on-unknown-properties=true")
			.run((context) -> assertThat(output).doesNotContain("Unknown property"));
	}

	@Test
	void shardsOfAStoreEntryIsNotReported(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("dynamodown.stores.orders.table=orders", "dynamodown.stores.orders.shards=4")
			.run((context) -> assertThat(output).doesNotContain("Unknown property"));
	}

	@Test
	void entryKeysAreThePropertiesOfAStoreEntry() {
		assertThat(LevelDbStoresRegistrar.ENTRY_KEYS)
			.containsExactlyInAnyOrderElementsOf(entryProperties(DynamoDownProperties.Store.class, ""));
	}

	@Test
	void misspelledKeyOfAStoreEntryIsReportedWithTheEntrysKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dynamodown.stores.orders.consistent-read=false")
			.run((context) -> assertThat(output).contains("Unknown property dynamodown.stores.orders.consistent-read")
				.contains("did you mean dynamodown.stores.orders.consistent-reads?"));
	}

	@Test
	void keyUnderAScalarPropertyIsReported(CapturedOutput output) {
		this.contextRunner.withPropertyValues("dynamodown.table.name=orders")
			.run((context) -> assertThat(output).contains("Unknown property dynamodown.table.name"));
	}

	/**
	 * The dashed keys of a store entry's JavaBean properties, nested groups flattened.
	 */
	private static List<String> entryProperties(Class<?> type, String prefix) {
		List<String> keys = new ArrayList<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || property.getName().equals("class")) {
				continue;
			}
			String key = prefix + DataObjectPropertyName.toDashedForm(property.getName());
			if (property.getWriteMethod() == null) {
				keys.addAll(entryProperties(property.getPropertyType(), key + "."));
			}
			else {
				keys.add(key);
			}
		}
		return keys;
	}

}
