package io.dynamodown.server.internal.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonTests {

	@Test
	void parsesEveryType() throws MalformedJsonException {
		Object parsed = parse(
				" {\"s\":\"x\",\"n\":-1.5e2,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,{}],\"o\":{\"k\":[]}} ");
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("s", "x");
		expected.put("n", new BigDecimal("-1.5e2"));
		expected.put("t", true);
		expected.put("f", false);
		expected.put("z", null);
		expected.put("a", List.of(new BigDecimal("1"), Map.of()));
		expected.put("o", Map.of("k", List.of()));
		assertThat(parsed).isEqualTo(expected);
		assertThat(parsed).isInstanceOf(LinkedHashMap.class);
		assertThat(((Map<?, ?>) parsed).get("a")).isInstanceOf(ArrayList.class);
	}

	@Test
	void keepsMemberOrder() throws MalformedJsonException {
		Map<?, ?> object = (Map<?, ?>) parse("{\"b\":1,\"a\":2,\"c\":3}");
		assertThat(new ArrayList<Object>(object.keySet())).containsExactly("b", "a", "c");
	}

	@Test
	void lastOfDuplicateNamesWins() throws MalformedJsonException {
		assertThat(parse("{\"a\":1,\"a\":{\"b\":2}}")).isEqualTo(Map.of("a", Map.of("b", new BigDecimal(2))));
	}

	@Test
	void parsesScalarDocuments() throws MalformedJsonException {
		assertThat(parse("null")).isNull();
		assertThat(parse("\"x\"")).isEqualTo("x");
		assertThat(parse("0")).isEqualTo(new BigDecimal(0));
		assertThat(parse("-0.0")).isEqualTo(new BigDecimal("-0.0"));
		assertThat(parse("12345678901234567890123")).isEqualTo(new BigDecimal("12345678901234567890123"));
		assertThat(parse("1E+3")).isEqualTo(new BigDecimal("1E+3"));
	}

	@Test
	void decodesEscapes() throws MalformedJsonException {
		assertThat(parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\""))
			.isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e9\u20ac\ud83d\ude00");
	}

	@Test
	void decodesUtf8() throws MalformedJsonException {
		String text = "h\u00e9llo \u20ac \ud83d\ude00 \u4e2d";
		assertThat(parse("\"" + text + "\"")).isEqualTo(text);
		assertThat(parse("\"" + text + "\\n" + text + "\"")).isEqualTo(text + "\n" + text);
	}

	@Test
	void keepsLoneSurrogateEscapes() throws MalformedJsonException {
		Object parsed = parse("\"\\ud800x\"");
		assertThat(parsed).isEqualTo("\ud800x");
		assertThat(new String(Json.write(parsed), StandardCharsets.UTF_8)).isEqualTo("\"\\ud800x\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "{", "}", "[", "[1,]", "{\"a\":1,}", "{\"a\"}", "{a:1}", "{\"a\" 1}", "[1 2]",
			"'a'", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "01", "-", "+1", "1.", ".5", "1e", "1e+", "-a",
			"0x10", "NaN", "Infinity", "tru", "nul", "falsey", "{} {}", "[]]", "1 2", "\"a\tb\"", "\"a\nb\"",
			"1e2147483648", "\ufeff{}", "/* */{}", "[-]", "{\"a\":}" })
	void rejectsMalformedDocuments(String json) {
		assertThatExceptionOfType(MalformedJsonException.class).isThrownBy(() -> parse(json));
	}

	@Test
	void rejectsMalformedUtf8() {
		byte[][] invalid = { { '"', (byte) 0x80, '"' }, { '"', (byte) 0xC0, (byte) 0xAF, '"' },
				{ '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"' },
				{ '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"' },
				{ '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"' }, { '"', (byte) 0xF5, '"' },
				{ '"', (byte) 0xE2, (byte) 0x82, '"' }, { '"', (byte) 0xC3 }, { '"', '\\', 'n', (byte) 0xFF, '"' } };
		for (byte[] bytes : invalid) {
			assertThatExceptionOfType(MalformedJsonException.class).isThrownBy(() -> Json.parse(bytes));
		}
	}

	@Test
	void limitsDepth() throws MalformedJsonException {
		String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
		assertThat(parse(deepest)).isInstanceOf(List.class);
		String tooDeep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
		assertThatExceptionOfType(MalformedJsonException.class).isThrownBy(() -> parse(tooDeep))
			.withMessageContaining("Nesting");
		String unclosed = "{\"a\":".repeat(100_000);
		assertThatExceptionOfType(MalformedJsonException.class).isThrownBy(() -> parse(unclosed));
	}

	@Test
	void limitsNumberLength() throws MalformedJsonException {
		String longest = "1".repeat(Json.MAX_NUMBER_LENGTH);
		assertThat(parse(longest)).isEqualTo(new BigDecimal(longest));
		assertThatExceptionOfType(MalformedJsonException.class).isThrownBy(() -> parse(longest + "1"))
			.withMessageContaining("Number longer");
	}

	@Test
	void writesCompactJson() {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("s", "x");
		tree.put("i", 1);
		tree.put("l", 10_000_000_000L);
		tree.put("d", 1.5);
		tree.put("b", new BigDecimal("1E+3"));
		tree.put("t", true);
		tree.put("z", null);
		tree.put("a", List.of("y", Map.of()));
		assertThat(write(tree)).isEqualTo(
				"{\"s\":\"x\",\"i\":1,\"l\":10000000000,\"d\":1.5,\"b\":1000,\"t\":true,\"z\":null,\"a\":[\"y\",{}]}");
	}

	@Test
	void writesHugeExponentsInScientificNotation() {
		assertThat(write(new BigDecimal("1E+100000"))).isEqualTo("1E+100000");
		assertThat(write(new BigDecimal("1E-100000"))).isEqualTo("1E-100000");
		assertThat(write(new BigDecimal("0.000001"))).isEqualTo("0.000001");
	}

	@Test
	void escapesStrings() {
		assertThat(write("q\" b\\ \b\f\n\r\t \u0000\u001f\u007f / \u00e9\u20ac\ud83d\ude00"))
			.isEqualTo("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f\u007f / \u00e9\u20ac\ud83d\ude00\"");
	}

	@Test
	void writesLongEscapedStrings() throws MalformedJsonException {
		String controls = "\u0001".repeat(10_000);
		byte[] json = Json.write(controls);
		assertThat(json).hasSize(10_000 * 6 + 2);
		assertThat(Json.parse(json)).isEqualTo(controls);
	}

	@Test
	void rejectsValuesWithoutJsonForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> Json.write(new Object()));
		assertThatIllegalArgumentException().isThrownBy(() -> Json.write(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> Json.write(Map.of(1, "a")));
	}

	@Test
	void roundTripsRandomTrees() throws MalformedJsonException {
		Random random = new Random(42);
		for (int i = 0; i < 2_000; i++) {
			Object tree = randomTree(random, 0);
			assertThat(Json.parse(Json.write(tree))).isEqualTo(tree);
		}
	}

	@Test
	void randomBytesFailOnlyAsMalformedJson() {
		Random random = new Random(7);
		byte[] alphabet = "{}[]\",:\\/tfnrue0123456789.-+eE \t\n\u00e9".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 200_000; i++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int j = 0; j < bytes.length; j++) {
				bytes[j] = (i % 2 == 0) ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
			}
			parseOrFail(bytes);
		}
	}

	@Test
	void mutatedDocumentsFailOnlyAsMalformedJson() {
		Random random = new Random(11);
		for (int i = 0; i < 20_000; i++) {
			byte[] bytes = Json.write(randomTree(random, 0));
			int mutations = 1 + random.nextInt(3);
			for (int m = 0; m < mutations && bytes.length > 0; m++) {
				int at = random.nextInt(bytes.length);
				switch (random.nextInt(3)) {
					case 0 -> bytes[at] = (byte) random.nextInt(256);
					case 1 -> bytes = Arrays.copyOf(bytes, at);
					default -> {
						byte[] longer = new byte[bytes.length + 1];
						System.arraycopy(bytes, 0, longer, 0, at);
						longer[at] = (byte) random.nextInt(256);
						System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
						bytes = longer;
					}
				}
			}
			parseOrFail(bytes);
		}
	}

	private static void parseOrFail(byte[] bytes) {
		try {
			Json.parse(bytes);
		}
		catch (MalformedJsonException ex) {
			// the one failure parsing may have
		}
	}

	private static Object randomTree(Random random, int depth) {
		int kind = random.nextInt((depth > 4) ? 4 : 7);
		switch (kind) {
			case 0:
				return randomString(random);
			case 1:
				return new BigDecimal(random.nextLong()).scaleByPowerOfTen(-random.nextInt(10));
			case 2:
				return random.nextBoolean();
			case 3:
				return new BigDecimal(random.nextInt(1000));
			case 4: {
				Map<String, Object> map = new LinkedHashMap<>();
				int size = random.nextInt(4);
				for (int i = 0; i < size; i++) {
					map.put(randomString(random), randomTree(random, depth + 1));
				}
				return map;
			}
			default: {
				List<Object> list = new ArrayList<>();
				int size = random.nextInt(4);
				for (int i = 0; i < size; i++) {
					list.add(randomTree(random, depth + 1));
				}
				return list;
			}
		}
	}

	private static String randomString(Random random) {
		StringBuilder builder = new StringBuilder();
		int length = random.nextInt(8);
		for (int i = 0; i < length; i++) {
			int choice = random.nextInt(5);
			if (choice == 0) {
				builder.append((char) random.nextInt(0x20));
			}
			else if (choice == 1) {
				builder.appendCodePoint(0x80 + random.nextInt(0x10FFFF - 0x80));
			}
			else {
				builder.append((char) (0x20 + random.nextInt(0x5F)));
			}
		}
		return builder.toString();
	}

	private static Object parse(String json) throws MalformedJsonException {
		return Json.parse(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String write(Object value) {
		return new String(Json.write(value), StandardCharsets.UTF_8);
	}

}
