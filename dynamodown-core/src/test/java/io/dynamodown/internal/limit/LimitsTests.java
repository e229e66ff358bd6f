package io.dynamodown.internal.limit;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The limits and their messages.
 */
class LimitsTests {

	@Test
	void keyLengthLimitIs1023Bytes() {
		Limits.checkKey(new byte[1023]);
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkKey(new byte[1024]))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_KEY))
			.withMessageContaining("1023 bytes")
			.withMessageContaining("1024 bytes");
	}

	@Test
	void tableNamesFollowDynamoDbsRule() {
		Limits.checkTableName("a.b-c_1");
		for (String bad : new String[] { "ab", "a b", "x".repeat(256), "tab/le" }) {
			assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkTableName(bad))
				.withMessageContaining("[a-zA-Z0-9_.-]");
		}
	}

	@Test
	void hashKeyIsOneTo2048BytesOfUtf8() {
		Limits.checkHashKey("é".repeat(1024));
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkHashKey("é".repeat(1025)))
			.withMessageContaining("2050 bytes");
	}

	@Test
	void hashKeyMustNotHoldTheShardSeparator() {
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkHashKey("users\u00003"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
			.withMessageContaining("U+0000")
			.withMessageContaining("reserved for the partition keys of shards")
			.withMessageContaining("index 5");
	}

	@Test
	void hashKeyOfAShardedDatabaseLeavesRoomForTheShardNumber() {
		Limits.checkHashKey("x".repeat(2048), 1);
		Limits.checkHashKey("x".repeat(2046), 7);
		Limits.checkHashKey("x".repeat(2044), 256);
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkHashKey("x".repeat(2047), 7))
			.withMessageContaining("hash key limit is 2046 bytes of UTF-8 with 7 shards")
			.withMessageContaining("2048 less 2 for the shard's U+0000 and number")
			.withMessageContaining("has 2047 bytes");
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkHashKey("x".repeat(2045), 256))
			.withMessageContaining("2044 bytes");
	}

	@Test
	void shardCountIsOneTo256() {
		assertThat(Limits.checkShards(1)).isOne();
		assertThat(Limits.checkShards(256)).isEqualTo(256);
		for (int bad : new int[] { 0, -1, 257, Integer.MIN_VALUE }) {
			assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkShards(bad))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
				.withMessage("shards must be 1 to 256, was " + bad);
		}
	}

	@Test
	void valueAndBatchSizes() {
		Limits.checkValueSize(new byte[1], 400, 1000, 1000);
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Limits.checkValueSize(new byte[1], 1000, 5000, 1000))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_VALUE))
			.withMessageContaining("before and after compression")
			.withMessageContaining("5000 bytes (1000 bytes stored)");
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Limits.checkValueSize(new byte[1], 1001, 1001, 1000))
			.withMessageContaining("has 1001 bytes");
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> Limits.checkBatch(10, 4_194_305))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.BATCH_TOO_LARGE));
	}

	@Test
	void aTimeToLiveMayBeOneHundredYearsWithTheirLeapDays() {
		assertThat(Limits.checkTtl(java.time.Duration.ofDays(36_525))).isEqualTo(java.time.Duration.ofDays(36_525));
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Limits.checkTtl(java.time.Duration.ofDays(36_525).plusSeconds(1)))
			.withMessageContaining("at most 100 years (36525 days)");
	}

}
