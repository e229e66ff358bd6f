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
