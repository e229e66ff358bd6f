package io.dynamodown.server.internal.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dynamodown.server.internal.model.AttributeValue;

import static io.dynamodown.server.internal.expression.Requests.b;
import static io.dynamodown.server.internal.expression.Requests.bool;
import static io.dynamodown.server.internal.expression.Requests.bs;
import static io.dynamodown.server.internal.expression.Requests.item;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.l;
import static io.dynamodown.server.internal.expression.Requests.m;
import static io.dynamodown.server.internal.expression.Requests.n;
import static io.dynamodown.server.internal.expression.Requests.ns;
import static io.dynamodown.server.internal.expression.Requests.nul;
import static io.dynamodown.server.internal.expression.Requests.s;
import static io.dynamodown.server.internal.expression.Requests.ss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How conditions evaluate elems: comparators, functions, logic, on every type.
 */
class ConditionEvaluationTests {

	// "YWJj" is "abc", "YWI=" is "ab", "Yg==" is "b", "eA==" is "x"
	private static final Map<String, AttributeValue> ITEM = item("str", s("abc"), "num", n("10"), "bin", b("YWJj"),
			"yes", bool(true), "nil", nul(), "strs", ss("x", "y"), "nums", ns("1", "2"), "bins", bs("YWI=", "Yg=="),
			"lst", l(s("x"), n("1"), m("k", s("v"))), "mp",
			m("k", s("v"), "nest", m("deep", n("5")), "elems", l(n("7"), n("8"))), "twin", s("abc"));

	private static final Map<String, Object> VALUES = json(":abc", s("abc"), ":ab", s("ab"), ":b", s("b"), ":x", s("x"),
			":abd", s("abd"), ":n9", n("9"), ":n10", n("10.0"), ":n11", n("11"), ":binab", b("YWI="), ":binb",
			b("Yg=="), ":binabc", b("YWJj"), ":true", bool(true), ":null", nul(), ":xy", ss("y", "x"), ":n1", n("1"),
			":map", m("k", s("v")), ":S", s("S"), ":N", s("N"), ":NULL", s("NULL"), ":M", s("M"), ":L", s("L"), ":SS",
			s("SS"), ":two", n("2"), ":three", n("3"), ":v", s("v"), ":n5", n("5"));

	private static boolean test(String expression) {
		Map<String, Object> request = json("ConditionExpression", expression);
		Map<String, Object> values = used(expression);
		if (!values.isEmpty()) {
			request.put("ExpressionAttributeValues", values);
		}
		Condition condition = Expressions.parse(request).condition();
		assertThat(condition).isNotNull();
		return condition.test(ITEM);
	}

	private static Map<String, Object> used(String expression) {
		Map<String, Object> used = json();
		VALUES.forEach((key, value) -> {
			if (expression.matches(".*" + key + "(?![0-9A-Za-z_]).*")) {
				used.put(key, value);
			}
		});
		return used;
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "str = :abc|true", "str = :ab|false", "str = twin|true", "num = :n10|true", "num = :abc|false",
					"bin = :binabc|true", "yes = :true|true", "nil = :null|true", "strs = :xy|true", "mp.k = :v|true",
					"lst[2] = :map|true", "gone = :abc|false", "str <> :ab|true", "str <> :abc|false",
					"num <> :abc|true", "gone <> :abc|true", "gone <> alsogone|false" })
	void equality(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "str < :abd|true", "str < :abc|false", "str <= :abc|true", "str > :ab|true", "str >= :abd|false",
					"num < :n11|true", "num > :n9|true", "num >= :n10|true", "num <= :n9|false", "bin > :binab|true",
					"bin < :binb|true", "num < :abc|false", "str > :n9|false", "strs > :xy|false", "strs >= :xy|false",
					"gone < :n9|false", ":n9 < num|true", "mp.nest.deep < :n9|true", "mp.elems[1] > :n5|true" })
	void ordering(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "num BETWEEN :n9 AND :n11|true", "num BETWEEN :n10 AND :n10|true",
			"num BETWEEN :n11 AND :n11|false", "str BETWEEN :ab AND :abd|true", "str BETWEEN :n9 AND :n11|false",
			"gone BETWEEN :n9 AND :n11|false", "bin BETWEEN :binab AND :binb|true" })
	void between(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "str IN (:ab, :abc)|true", "str IN (:ab, :abd)|false", "num IN (:n10)|true",
			"strs IN (:xy)|true", "gone IN (:ab)|false", "str IN (twin)|true" })
	void in(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "attribute_exists(str)|true", "attribute_exists(gone)|false",
			"attribute_exists(mp.nest.deep)|true", "attribute_exists(mp.nest.nope)|false",
			"attribute_exists(lst[2].k)|true", "attribute_exists(lst[3])|false", "attribute_exists(str.k)|false",
			"attribute_exists(mp[0])|false", "attribute_not_exists(gone)|true", "attribute_not_exists(nil)|false" })
	void existence(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "attribute_type(str, :S)|true", "attribute_type(num, :N)|true", "attribute_type(num, :S)|false",
					"attribute_type(nil, :NULL)|true", "attribute_type(mp, :M)|true", "attribute_type(lst, :L)|true",
					"attribute_type(strs, :SS)|true", "attribute_type(gone, :S)|false" })
	void attributeType(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "begins_with(str, :ab)|true", "begins_with(str, :b)|false", "begins_with(bin, :binab)|true",
					"begins_with(bin, :binb)|false", "begins_with(str, :binab)|false", "begins_with(gone, :ab)|false",
					"begins_with(strs, :x)|false" })
	void beginsWith(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "contains(str, :b)|true", "contains(str, :x)|false", "contains(bin, :binb)|true",
					"contains(strs, :x)|true", "contains(strs, :ab)|false", "contains(nums, :n1)|true",
					"contains(nums, :n9)|false", "contains(bins, :binb)|true", "contains(lst, :x)|true",
					"contains(lst, :n1)|true", "contains(lst, :map)|true", "contains(lst, :ab)|false",
					"contains(num, :n1)|false", "contains(gone, :x)|false", "contains(mp, :v)|false" })
	void contains(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "size(str) = :three|true", "size(bin) = :three|true", "size(strs) = :two|true",
					"size(nums) = :two|true", "size(lst) = :three|true", "size(mp) = :three|true",
					"size(mp.elems) = :two|true", "size(num) = :two|false", "size(gone) < :three|false",
					"size(yes) < :three|false", ":two < size(str)|true" })
	void size(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "str = :abc AND num = :n10|true", "str = :abc AND num = :n9|false",
					"str = :ab OR num = :n10|true", "str = :ab OR num = :n9|false", "NOT str = :ab|true",
					"NOT NOT str = :ab|false", "str = :ab AND num = :n9 OR num = :n10|true",
					"str = :ab AND (num = :n9 OR num = :n10)|false", "NOT str = :ab AND num = :n9|false",
					"NOT (str = :ab AND num = :n9)|true", "str = :abc OR gone.x = :ab AND num = :n9|true" })
	void logic(String expression, boolean expected) {
		assertThat(test(expression)).isEqualTo(expected);
	}

	@Test
	void absentItem() {
		Condition condition = Expressions.parse(json("ConditionExpression", "attribute_not_exists(a)")).condition();
		assertThat(condition).isNotNull();
		assertThat(condition.test(Map.of())).isTrue();
	}

	@Test
	void expressionAttributeNames() {
		Condition condition = Expressions
			.parse(json("ConditionExpression", "#s = :abc AND #m.#k = :v", "ExpressionAttributeNames",
					json("#s", "str", "#m", "mp", "#k", "k"), "ExpressionAttributeValues",
					json(":abc", s("abc"), ":v", s("v"))))
			.condition();
		assertThat(condition).isNotNull();
		assertThat(condition.test(ITEM)).isTrue();
		assertThat(condition.topLevelAttributes()).containsExactly("str", "mp");
	}

	@Test
	void keywordsAreCaseInsensitive() {
		assertThat(test("str = :abc and not num between :n11 AnD :n11 or str in (:ab)")).isTrue();
	}

}
