package io.dynamodown.server.internal.expression;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

import static io.dynamodown.server.internal.expression.Requests.item;
import static io.dynamodown.server.internal.expression.Requests.json;
import static io.dynamodown.server.internal.expression.Requests.l;
import static io.dynamodown.server.internal.expression.Requests.m;
import static io.dynamodown.server.internal.expression.Requests.n;
import static io.dynamodown.server.internal.expression.Requests.ns;
import static io.dynamodown.server.internal.expression.Requests.s;
import static io.dynamodown.server.internal.expression.Requests.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How update expressions change items.
 */
class UpdateApplicationTests {

	private static final Map<String, Object> VALUES = json(":one", n("1"), ":two", n("2"), ":x", s("x"), ":y", s("y"),
			":lst", l(s("p"), s("q")), ":empty", l(), ":xy", ss("x", "y"), ":yz", ss("y", "z"), ":ns", ns("1"), ":map",
			m("k", s("v")));

	private static final Map<String, AttributeValue> ITEM = item("key", s("k"), "cnt", n("5"), "nm", s("n"), "tags",
			ss("x", "y"), "numbers", ns("1", "2"), "lst", l(n("0"), n("1"), n("2"), n("3")), "doc",
			m("nest", m("leaf", s("l")), "arr", l(s("a"), s("b"))));

	private static Update update(String expression) {
		Map<String, Object> request = json("UpdateExpression", expression);
		Map<String, Object> used = json();
		VALUES.forEach((key, value) -> {
			if (expression.matches(".*" + key + "(?![0-9A-Za-z_]).*")) {
				used.put(key, value);
			}
		});
		if (!used.isEmpty()) {
			request.put("ExpressionAttributeValues", used);
		}
		Update update = Expressions.parse(request).update();
		assertThat(update).isNotNull();
		return update;
	}

	private static Map<String, AttributeValue> apply(String expression) {
		return update(expression).apply(ITEM);
	}

	private static void assertError(String expression, Map<String, AttributeValue> item, String message) {
		Update update = update(expression);
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> update.apply(item))
			.withMessage(message)
			.satisfies((error) -> assertThat(error.type()).isEqualTo("ValidationException"));
	}

	private static AttributeValue value(Map<String, Object> json) {
		return AttributeValue.fromJson(json);
	}

	@Test
	void setTopLevelAndNested() {
		Map<String, AttributeValue> updated = apply("SET nm = :x, doc.nest.leaf = :y, doc.added = :one, fresh = :map");
		assertThat(updated.get("nm")).isEqualTo(value(s("x")));
		assertThat(updated.get("doc"))
			.isEqualTo(value(m("nest", m("leaf", s("y")), "arr", l(s("a"), s("b")), "added", n("1"))));
		assertThat(updated.get("fresh")).isEqualTo(value(m("k", s("v"))));
		assertThat(ITEM.get("nm")).isEqualTo(value(s("n")));
	}

	@Test
	void setListElements() {
		assertThat(apply("SET lst[1] = :x").get("lst")).isEqualTo(value(l(n("0"), s("x"), n("2"), n("3"))));
		assertThat(apply("SET lst[10] = :x").get("lst")).isEqualTo(value(l(n("0"), n("1"), n("2"), n("3"), s("x"))));
		assertThat(apply("SET lst[9] = :y, lst[7] = :x").get("lst"))
			.isEqualTo(value(l(n("0"), n("1"), n("2"), n("3"), s("x"), s("y"))));
		assertThat(apply("SET doc.arr[0] = :x").get("doc").asMap().get("arr")).isEqualTo(value(l(s("x"), s("b"))));
	}

	@Test
	void arithmetic() {
		assertThat(apply("SET cnt = cnt + :one").get("cnt")).isEqualTo(value(n("6")));
		assertThat(apply("SET cnt = cnt - :two").get("cnt")).isEqualTo(value(n("3")));
		assertThat(apply("SET cnt = :one - cnt").get("cnt")).isEqualTo(value(n("-4")));
		assertThat(apply("SET addition = (cnt + lst[3])").get("addition")).isEqualTo(value(n("8")));
	}

	@Test
	void listAppendAndIfNotExists() {
		assertThat(apply("SET lst = list_append(:lst, lst)").get("lst"))
			.isEqualTo(value(l(s("p"), s("q"), n("0"), n("1"), n("2"), n("3"))));
		assertThat(apply("SET fresh = list_append(if_not_exists(fresh, :empty), :lst)").get("fresh"))
			.isEqualTo(value(l(s("p"), s("q"))));
		assertThat(apply("SET cnt = if_not_exists(cnt, :one) + :one").get("cnt")).isEqualTo(value(n("6")));
		assertThat(apply("SET tally = if_not_exists(tally, :one) + :one").get("tally")).isEqualTo(value(n("2")));
	}

	@Test
	void valuesAreComputedFromTheItemBeforeTheUpdate() {
		Map<String, AttributeValue> updated = apply("SET nm = :x, cpy = nm, cnt = cnt + :one REMOVE tags");
		assertThat(updated.get("cpy")).isEqualTo(value(s("n")));
		assertThat(updated.get("cnt")).isEqualTo(value(n("6")));
		assertThat(updated).doesNotContainKey("tags");
	}

	@Test
	void remove() {
		Map<String, AttributeValue> updated = apply("REMOVE nm, doc.nest.leaf, nothing, doc.nothing");
		assertThat(updated).doesNotContainKeys("nm", "nothing");
		assertThat(updated.get("doc")).isEqualTo(value(m("nest", m(), "arr", l(s("a"), s("b")))));
	}

	@Test
	void removedListElementsAreTheOnesAtTheIndexesBeforeTheUpdate() {
		assertThat(apply("REMOVE lst[1], lst[2]").get("lst")).isEqualTo(value(l(n("0"), n("3"))));
		assertThat(apply("REMOVE lst[3], lst[0]").get("lst")).isEqualTo(value(l(n("1"), n("2"))));
		assertThat(apply("REMOVE lst[9]").get("lst")).isEqualTo(ITEM.get("lst"));
		assertThat(apply("SET lst[1] = :x REMOVE lst[0]").get("lst")).isEqualTo(value(l(s("x"), n("2"), n("3"))));
	}

	@Test
	void add() {
		Map<String, AttributeValue> updated = apply("ADD cnt :two, tags :yz, fresh :one, freshSet :xy, doc.n :one");
		assertThat(updated.get("cnt")).isEqualTo(value(n("7")));
		assertThat(updated.get("tags")).isEqualTo(value(ss("x", "y", "z")));
		assertThat(updated.get("fresh")).isEqualTo(value(n("1")));
		assertThat(updated.get("freshSet")).isEqualTo(value(ss("x", "y")));
		assertThat(updated.get("doc").asMap().get("n")).isEqualTo(value(n("1")));
	}

	@Test
	void delete() {
		assertThat(apply("DELETE tags :yz").get("tags")).isEqualTo(value(ss("x")));
		assertThat(apply("DELETE tags :xy")).doesNotContainKey("tags");
		assertThat(apply("DELETE nothing :xy")).doesNotContainKey("nothing");
		assertThat(apply("DELETE numbers :ns").get("numbers")).isEqualTo(value(ns("2")));
	}

	@Test
	void applyingToAnAbsentItem() {
		Map<String, AttributeValue> updated = update("SET a = :x ADD b :one, c :xy DELETE d :xy REMOVE e")
			.apply(Map.of());
		assertThat(updated).isEqualTo(new LinkedHashMap<>(item("a", s("x"), "b", n("1"), "c", ss("x", "y"))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "SET cnt = nm + :one", "SET cnt = :one - tags", "SET l = list_append(cnt, :lst)",
			"SET l = list_append(:lst, nm)", "ADD nm :one", "ADD tags :ns", "ADD numbers :one", "DELETE tags :ns",
			"DELETE cnt :ns", "ADD lst :xy" })
	void operandsOfTheWrongType(String expression) {
		assertError(expression, ITEM, "An operand in the update expression has an incorrect data type");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SET c = nothing", "SET e = list_append(nothing, :lst)", "SET e = nothing + :one" })
	void missingOperands(String expression) {
		assertError(expression, ITEM, "The provided expression refers to an attribute that does not exist in the item");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SET nothing.a = :x", "SET nothing[1] = :x", "SET nm.a = :x", "SET nm[1] = :x",
			"SET doc[1] = :x", "SET lst.a = :x", "REMOVE nothing.a", "REMOVE nm[1]", "REMOVE doc[0]", "REMOVE lst.a",
			"ADD nothing.a :one", "ADD doc[0] :one", "DELETE nothing[1] :xy", "DELETE lst.a :xy", "SET lst[9].a = :x" })
	void invalidDocumentPaths(String expression) {
		assertError(expression, ITEM, "The document path provided in the update expression is invalid for update");
	}

	@Test
	void invalidDocumentPathOnAnAbsentItem() {
		assertError("SET b.a = :x", Map.of(),
				"The document path provided in the update expression is invalid for update");
	}

	@Test
	void attributesTheUpdateChanges() {
		Update update = update("SET a.b = :x, c = d[1] REMOVE e ADD f :one DELETE g :xy");
		assertThat(update.topLevelAttributes()).containsExactly("a", "c", "e", "f", "g");
		assertThat(update.nestedTopLevelAttributes()).containsExactly("a", "d");
		assertThat(update.assignedTypes()).containsOnly(Map.entry("f", AttributeValue.Type.N),
				Map.entry("g", AttributeValue.Type.SS));
	}

	@Test
	void assignedTypesOfComputedValues() {
		Update update = update("SET a = :x, b = c + :one, d = list_append(d, :lst), e = if_not_exists(e, :one), f = g");
		assertThat(update.assignedTypes()).containsOnly(Map.entry("a", AttributeValue.Type.S),
				Map.entry("b", AttributeValue.Type.N), Map.entry("d", AttributeValue.Type.L),
				Map.entry("e", AttributeValue.Type.N));
	}

	@Test
	void updatedPathsProjectTheChangedParts() {
		Update update = update("SET doc.nest.leaf = :x, cnt = cnt + :one");
		Map<String, AttributeValue> updated = update.apply(ITEM);
		assertThat(update.updatedPaths().apply(ITEM))
			.isEqualTo(item("doc", m("nest", m("leaf", s("l"))), "cnt", n("5")));
		assertThat(update.updatedPaths().apply(updated))
			.isEqualTo(item("doc", m("nest", m("leaf", s("x"))), "cnt", n("6")));
	}

	@Test
	void keyAttributesCannotBeUpdated() {
		java.util.Set<String> keys = new LinkedHashSet<>(List.of("a", "b"));
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> update("SET d[1] = :one ADD b.b :one").checkKeyAttributes(keys))
			.withMessage(
					"One or more parameter values were invalid: Cannot update attribute b. This attribute is part of the key");
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> update("DELETE b :xy REMOVE a").checkKeyAttributes(keys))
			.withMessage(
					"One or more parameter values were invalid: Cannot update attribute a. This attribute is part of the key");
		update("SET c = a.b + a[1]").checkKeyAttributes(keys);
	}

}
