package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dynamodown.server.internal.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size an item counts as against a page: names of one byte, length-prefixed values,
 * and a block overhead with the sort key for every started 3 KB.
 */
class PageSizeTests {

	@Test
	void smallItemIsItsValuesWithPrefixesAndOneBlock() {
		assertThat(PageSize.of(Map.of("name", AttributeValue.s("abc")), null)).isEqualTo(2 + 5 + 18);
	}

	@Test
	void sortKeyIsCountedWithEveryBlockInsteadOfAsAnAttribute() {
		Map<String, AttributeValue> item = Map.of("h", AttributeValue.s("abc"), "r", AttributeValue.n("1"));
		assertThat(PageSize.of(item, "r")).isEqualTo(2 + 5 + (18 + 2));
		Map<String, AttributeValue> large = Map.of("h", AttributeValue.s("a".repeat(4000)), "r", AttributeValue.n("1"));
		assertThat(PageSize.of(large, "r")).isEqualTo(2 + 4003 + 2 * (18 + 2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "10", "12", "123", "0.12", "1.2", "1.50", "98765.4321", "1E+100", "1E-100" })
	void numbersCountTheirBase100Bytes(String number) {
		long expected = KeyHash.numberBytes(new BigDecimal(number)).length;
		assertThat(PageSize.of(Map.of("n", AttributeValue.n(number)), null)).isEqualTo(2 + (expected + 1 + 1) + 18);
	}

	@Test
	void documentsCountTheirMembers() {
		AttributeValue list = AttributeValue.l(List.of(AttributeValue.bool(true), AttributeValue.NULL));
		assertThat(PageSize.of(Map.of("l", list), null)).isEqualTo(2 + (3 + (1 + 1) + (1 + 0) + 1) + 18);
		AttributeValue map = AttributeValue.m(Map.of("a", AttributeValue.s("xy")));
		assertThat(PageSize.of(Map.of("m", map), null)).isEqualTo(2 + (3 + 1 + (3 + 1) + 1) + 18);
	}

}
