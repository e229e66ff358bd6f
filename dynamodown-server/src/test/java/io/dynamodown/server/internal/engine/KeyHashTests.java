package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dynamodown.server.internal.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB's hash of key values: the bytes it hashes numbers as, the 24-bit range of the
 * hash, and how parallel {@code Scan} segments divide it.
 */
class KeyHashTests {

	@ParameterizedTest
	@CsvSource({ "0, 80", "1, c102", "-1, 3e6466", "0.5, c033", "100, c202", "123.45, c202182e", "-123.45, 3d644e3866",
			"1.50, c10233" })
	void numbersAreHashedInBase100WithAnExponentByte(String number, String hex) {
		assertThat(HexFormat.of().formatHex(KeyHash.numberBytes(new BigDecimal(number)))).isEqualTo(hex);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "", "0.1", "b\u00e9" })
	void hashesHave24Bits(String value) {
		assertThat(KeyHash.of(AttributeValue.s(value))).isBetween(0, (1 << KeyHash.BITS) - 1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 7, 4096, 5000, 1000000 })
	void segmentsDivideTheTopTwelveBitsOfTheRing(int total) {
		for (int segment = 0; segment < Math.min(total, 64); segment++) {
			long first = PrimaryKey.firstToken(segment, total);
			long next = PrimaryKey.firstToken(segment + 1, total);
			if (first < next) {
				assertThat(keyAt(first).segment(total)).isEqualTo(segment);
				assertThat(keyAt(next - 1).segment(total)).isEqualTo(segment);
			}
		}
		assertThat(PrimaryKey.firstToken(0, total)).isZero();
		assertThat(PrimaryKey.firstToken(total, total)).isEqualTo(1L << KeyHash.BITS);
	}

	private static PrimaryKey keyAt(long token) {
		return PrimaryKey.tokenStart(token);
	}

}
