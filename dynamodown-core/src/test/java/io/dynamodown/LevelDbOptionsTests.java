package io.dynamodown;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

import io.dynamodown.retry.RetryPolicy;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The options of a store, checked without a client: every refusal is an
 * {@link InvalidOptionException} that names the option, the value and the rule as
 * accessors.
 */
class LevelDbOptionsTests {

	@Test
	void defaultsNeedOnlyATable() {
		LevelDbOptions options = LevelDbOptions.builder().table("app").build();
		assertThat(options.hashKey()).isEqualTo(LevelDbBuilder.DEFAULT_HASH_KEY);
		assertThat(options.concurrency()).isEqualTo(LevelDbBuilder.DEFAULT_CONCURRENCY);
		assertThat(options.timeout()).isEqualTo(LevelDbBuilder.DEFAULT_TIMEOUT);
		assertThat(options.attemptTimeout()).isEqualTo(LevelDbBuilder.DEFAULT_ATTEMPT_TIMEOUT);
		assertThat(options.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
		assertThat(options.billing()).isEqualTo(Billing.ON_DEMAND);
	}

	@Test
	void aBuilderFromOptionsKeepsEveryOption() {
		LevelDbOptions options = LevelDbOptions.builder()
			.table("app")
			.hashKey("h")
			.createIfMissing(false)
			.errorIfExists(true)
			.billing(Billing.provisioned(3, 4))
			.consistentReads(false)
			.attributeNames(new AttributeNames("p", "s", "v"))
			.retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)))
			.readAhead(false)
			.concurrency(3)
			.activeTimeout(Duration.ofSeconds(7))
			.closeTimeout(Duration.ZERO)
			.timeout(Duration.ofSeconds(9))
			.attemptTimeout(Duration.ofSeconds(9))
			.clock(Clock.systemDefaultZone())
			.compression(Compression.none())
			.maxValueSize(1000)
			.readBudget(2000)
			.shards(7)
			.build();
		LevelDbOptions copy = options.toBuilder().build();
		assertThat(copy).usingRecursiveComparison().isEqualTo(options);
		assertThat(copy.toBuilder().hashKey("other").build().hashKey()).isEqualTo("other");
	}

	@Test
	void aTableIsRequired() {
		assertRefused(() -> LevelDbOptions.builder().build(), "table", null,
				"must be 3 to 255 characters of [a-zA-Z0-9_.-]");
	}

	@Test
	void tableNamesFollowDynamoDbsRule() {
		LevelDbOptions.builder().table("a.b-c_1");
		for (String bad : new String[] { "ab", "a b", "x".repeat(256), "tab/le" }) {
			assertRefused(() -> LevelDbOptions.builder().table(bad), "table", bad,
					"must be 3 to 255 characters of [a-zA-Z0-9_.-]");
		}
	}

	@Test
	void hashKeyIsOneTo2048BytesOfWellFormedUtf8() {
		LevelDbOptions.builder().hashKey("é".repeat(1024));
		assertRefused(() -> LevelDbOptions.builder().hashKey("é".repeat(1025)), "hashKey", "é".repeat(1025),
				"must be 1 to 2048 bytes of UTF-8 (it has 2050 bytes)");
		assertRefused(() -> LevelDbOptions.builder().hashKey(""), "hashKey", "", "must be 1 to 2048 bytes of UTF-8");
		assertRefused(() -> LevelDbOptions.builder().hashKey("a\uD800"), "hashKey", "a\uD800",
				"must be well-formed UTF-16, without the unpaired surrogate U+D800 at index 1");
	}

	@Test
	void hashKeyMustNotHoldTheShardSeparatorAndLeavesRoomForTheLastShardsNumber() {
		assertRefused(() -> LevelDbOptions.builder().hashKey("users\u00003"), "hashKey", "users\u00003",
				"must not contain U+0000, which the partition keys of shards use (found at index 5)");
		LevelDbOptions.builder().table("app").hashKey("x".repeat(2048)).build();
		LevelDbOptions.builder().table("app").hashKey("x".repeat(2046)).shards(10).build();
		LevelDbOptions.builder().table("app").hashKey("x".repeat(2044)).shards(256).build();
		assertRefused(() -> LevelDbOptions.builder().table("app").hashKey("x".repeat(2047)).shards(7).build(),
				"hashKey", "x".repeat(2047), "must be 1 to 2046 bytes of UTF-8 when shards is 7, which leaves room"
						+ " for U+0000 and the number of the last shard (it has 2047 bytes)");
		assertRefused(() -> LevelDbOptions.builder().table("app").hashKey("x".repeat(2045)).shards(102).build(),
				"hashKey", "x".repeat(2045), "must be 1 to 2044 bytes of UTF-8 when shards is 102, which leaves room"
						+ " for U+0000 and the number of the last shard (it has 2045 bytes)");
		assertRefused(() -> LevelDbOptions.builder().shards(0), "shards", 0, "must be 1 to 256");
	}

	@Test
	void aLongRejectedTextIsShortenedInTheMessageOnly() {
		String hashKey = "k".repeat(3000);
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LevelDbOptions.builder().hashKey(hashKey))
			.satisfies((ex) -> assertThat(ex.rejectedValue()).isEqualTo(hashKey))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300).contains("(3000 characters)"));
	}

	@Test
	void numbersAndDurationsNameTheirRule() {
		assertRefused(() -> LevelDbOptions.builder().concurrency(0), "concurrency", 0, "must be at least 1");
		assertRefused(() -> LevelDbOptions.builder().maxValueSize(0), "maxValueSize", 0L,
				"must be 1 to " + LevelDbBuilder.MAX_VALUE_SIZE_LIMIT + " bytes");
		assertRefused(() -> LevelDbOptions.builder().readBudget(Integer.MAX_VALUE + 1L), "readBudget",
				Integer.MAX_VALUE + 1L, "must be 1 to 2147483647 bytes");
		assertRefused(() -> LevelDbOptions.builder().closeTimeout(Duration.ofSeconds(-1)), "closeTimeout",
				Duration.ofSeconds(-1), "must not be negative");
		assertRefused(() -> LevelDbOptions.builder().activeTimeout(Duration.ZERO), "activeTimeout", Duration.ZERO,
				"must be a positive duration");
		assertRefused(() -> LevelDbOptions.builder().timeout(null), "timeout", null, "must be a positive duration");
	}

	@Test
	void anAttemptTimeoutLongerThanTheTimeoutIsRefusedWhenBuilt() {
		LevelDbOptions.Builder builder = LevelDbOptions.builder()
			.table("app")
			.attemptTimeout(Duration.ofSeconds(2))
			.timeout(Duration.ofSeconds(1));
		assertThatExceptionOfType(InvalidOptionException.class).isThrownBy(builder::build).satisfies((ex) -> {
			assertThat(ex.option()).isEqualTo("attemptTimeout");
			assertThat(ex.rejectedValue()).isEqualTo(Duration.ofSeconds(2));
			assertThat(ex.rule((name) -> "<" + name + ">"))
				.isEqualTo("must not be longer than <timeout> (1s), the whole request with its retries");
			assertThat(ex.getMessage()).contains("attemptTimeout (2s) must not be longer than timeout (1s)");
		});
	}

	@Test
	void nullsAreRefusedByName() {
		assertRefused(() -> LevelDbOptions.builder().billing(null), "billing", null, "must not be null");
		assertRefused(() -> LevelDbOptions.builder().retryPolicy(null), "retryPolicy", null, "must not be null");
		assertRefused(() -> LevelDbOptions.builder().clock(null), "clock", null, "must not be null");
		assertRefused(() -> LevelDbOptions.builder().compression(null), "compression", null, "must not be null");
		assertRefused(() -> LevelDbOptions.builder().attributeNames(null), "attributeNames", null, "must not be null");
		assertRefused(() -> LevelDb.builder(null), "client", null, "must not be null");
	}

	@Test
	void attributeNamesNameThePartThatBreaksItsRule() {
		assertRefused(() -> LevelDbOptions.builder().attributeNames(new AttributeNames("h", "s".repeat(256), "v")),
				"attributeNames.sortKey", "s".repeat(256), "must be 1 to 255 bytes of UTF-8 (it has 256 bytes)");
		assertRefused(() -> LevelDbOptions.builder().attributeNames(new AttributeNames("h", "s", "v", "")),
				"attributeNames.ttl", "", "must be 1 to 65536 bytes of UTF-8");
		assertRefused(() -> LevelDbOptions.builder().attributeNames(new AttributeNames("h", "s", "h")),
				"attributeNames", "h, s, h, ttl, form",
				"must be five different names (hash key, sort key, value, ttl, form)");
	}

	@Test
	void valueTypesAreCheckedWhenGivenAndTheirPartIsNamed() {
		LevelDbOptions.Builder builder = LevelDbOptions.builder();
		assertRefused(
				() -> builder.retryPolicy(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1))),
				"retryPolicy.maxAttempts", 0, "must be at least 1");
		assertRefused(() -> builder.retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
				"retryPolicy.deadline", Duration.ZERO, "must be a positive duration");
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> builder
				.retryPolicy(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1))))
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("retryPolicy.maxDelay"))
			.satisfies((ex) -> assertThat(ex.rule((name) -> name.toUpperCase(Locale.ROOT)))
				.isEqualTo("must not be shorter than RETRYPOLICY.BASEDELAY (PT2S)"));
		assertRefused(() -> builder.billing(Billing.of(-1L, null)), "billing.readCapacity", -1L,
				"must not be negative");
		assertRefused(() -> builder.billing(Billing.of(5L, null)), "billing.writeCapacity", 0L,
				"must be at least 1 for provisioned billing");
		assertRefused(() -> builder.compression(Compression.deflate(10)), "compression.level", 10,
				"must be 1 (fastest) to 9 (smallest)");
		assertRefused(() -> builder.compression(new Compression(null, 1)), "compression.codec", null,
				"must not be null");
		assertThat(builder.compression(Compression.none()).table("app").build().compression().level()).isZero();
	}

	@Test
	void theStoreBuilderChecksEachOptionTheSameWay() {
		try (DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1).build()) {
			LevelDbBuilder builder = LevelDb.builder(client);
			assertRefused(() -> builder.concurrency(-1), "concurrency", -1, "must be at least 1");
			assertRefused(() -> builder.table("ab"), "table", "ab", "must be 3 to 255 characters of [a-zA-Z0-9_.-]");
			assertRefused(() -> builder.location(null), "location", null, "must not be null");
			assertRefused(() -> builder.options(null), "options", null, "must not be null");
			assertRefused(() -> builder.listener(null), "listener", null, "must not be null");
			assertRefused(builder::open, "table", null, "must be 3 to 255 characters of [a-zA-Z0-9_.-]");
		}
	}

	private static void assertRefused(Runnable call, String option, Object value, String rule) {
		Consumer<InvalidOptionException> expected = (ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
			assertThat(ex.option()).isEqualTo(option);
			assertThat(ex.rejectedValue()).isEqualTo(value);
			assertThat(ex.rule()).isEqualTo(rule);
		};
		assertThatExceptionOfType(InvalidOptionException.class).isThrownBy(call::run).satisfies(expected);
	}

}
