package io.dynamodown;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Strings that are not well-formed (an unpaired surrogate has no UTF-8 form, and Java's
 * encoder would turn it into {@code ?}, so that two keys would alias each other) and
 * {@code null}s are refused with the store's error codes, before any request.
 */
class MalformedInputTests {

	private static final String LONE_HIGH = "x\uD800";

	private static final String LONE_LOW = "\uDC00abc";

	private static final RecordingListener listener = new RecordingListener();

	private static LevelDb db;

	private static TypedLevelDb<String, String> typed;

	@BeforeAll
	static void open() {
		db = LocalDynamo.freshStore(listener).open();
		typed = TypedLevelDb.of(db, Codec.utf8(), Codec.utf8());
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@BeforeEach
	void resetListener() {
		listener.reset();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				refused("typed put of a key with a lone high surrogate", ErrorCode.INVALID_KEY,
						() -> typed.put(LONE_HIGH, "v")),
				refused("typed put of a value with a lone low surrogate", ErrorCode.INVALID_VALUE,
						() -> typed.put("k", LONE_LOW)),
				refused("typed get of a malformed key", ErrorCode.INVALID_KEY, () -> typed.get(LONE_HIGH)),
				refused("typed delete of a malformed key", ErrorCode.INVALID_KEY, () -> typed.delete(LONE_HIGH)),
				refused("typed getMany of a malformed key", ErrorCode.INVALID_KEY,
						() -> typed.getMany(List.of("a", LONE_HIGH))),
				refused("typed batch put of a malformed key", ErrorCode.INVALID_KEY,
						() -> typed.batch().put(LONE_HIGH, "v")),
				refused("typed bulk put of a malformed value", ErrorCode.INVALID_VALUE,
						() -> typed.bulk().put("k", LONE_LOW)),
				refused("typed range bound with a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> typed.range().gte(LONE_HIGH)),
				refused("range string bound with a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> Range.all().lt(LONE_LOW)),
				refused("typed put of a null key", ErrorCode.INVALID_KEY, () -> typed.put(null, "v")),
				refused("typed put of a null value", ErrorCode.INVALID_VALUE, () -> typed.put("k", null)),
				refused("typed get of a null key", ErrorCode.INVALID_KEY, () -> typed.get(null)),
				refused("typed delete of a null key", ErrorCode.INVALID_KEY, () -> typed.delete(null)),
				refused("typed getMany with a null key", ErrorCode.INVALID_KEY,
						() -> typed.getMany(Arrays.asList("a", null))),
				refused("typed getMany of a null list", ErrorCode.INVALID_ARGUMENT, () -> typed.getMany(null)),
				refused("typed batch put of a null value", ErrorCode.INVALID_VALUE, () -> typed.batch().put("k", null)),
				refused("typed iterator of a null range", ErrorCode.INVALID_ARGUMENT, () -> typed.iterator(null)),
				refused("getMany of a null list", ErrorCode.INVALID_ARGUMENT, () -> db.getMany(null)),
				refused("sublevel name with a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> db.sublevel("a\uD800b")),
				refused("hash key with a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client())
							.table(db.table())
							.hashKey("a\uD800b")
							.listener(listener)
							.open()),
				refused("table name with a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client()).table("tab\uD800le").listener(listener).open()),
				refused("builder of a null client", ErrorCode.INVALID_ARGUMENT, () -> LevelDb.builder(null)),
				refused("empty hash key attribute name", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client())
							.attributeNames(new AttributeNames("", "rkey", "value"))),
				refused("sort key attribute name of 256 bytes", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client())
							.attributeNames(new AttributeNames("hkey", "r".repeat(256), "value"))),
				refused("value attribute name over 64 KB", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client())
							.attributeNames(new AttributeNames("hkey", "rkey", "v".repeat(64 * 1024 + 1)))),
				refused("attribute name with a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client())
							.attributeNames(new AttributeNames("h\uD800", "rkey", "value"))),
				refused("null attribute name", ErrorCode.INVALID_ARGUMENT,
						() -> LevelDb.builder(LocalDynamo.client())
							.attributeNames(new AttributeNames("hkey", null, "v"))),
				refused("utf8 codec of a lone surrogate", ErrorCode.INVALID_ARGUMENT,
						() -> Codec.utf8().encode(LONE_HIGH)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("refusals")
	void isRefusedWithItsCodeBeforeAnyRequest(String name, ErrorCode expected, Executable action) {
		LevelDbException ex = catchThrowableOfType(LevelDbException.class, action::execute);
		assertThat(ex).as(name).isNotNull();
		assertThat(ex.code()).as(name).isEqualTo(expected);
		assertThat(listener.total()).as("requests for %s", name).isZero();
	}

	@Test
	void aMalformedKeyNoLongerAliasesTheKeyWithAQuestionMark() {
		typed.put("x?", "question mark");
		assertThat(catchThrowableOfType(LevelDbException.class, () -> typed.put(LONE_HIGH, "lone")).code())
			.isEqualTo(ErrorCode.INVALID_KEY);
		assertThat(typed.get("x?")).contains("question mark");
	}

	@Test
	void wellFormedSupplementaryCharactersRoundTrip() {
		typed.put("smile \uD83D\uDE00", "\uD83D\uDE00");
		assertThat(typed.get("smile \uD83D\uDE00")).contains("\uD83D\uDE00");
		assertThat(db.get(utf8("smile \uD83D\uDE00"))).isPresent();
	}

	@Test
	void jsonKeepsALoneSurrogateAsAnEscapeSoNothingAliases() {
		Codec<Note> json = Codec.json(Note.class);
		byte[] encoded = json.encode(new Note(LONE_HIGH));
		assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"x\\uD800\"}");
		assertThat(json.decode(encoded)).isEqualTo(new Note(LONE_HIGH));
	}

	private static Arguments refused(String name, ErrorCode code, Executable action) {
		return Arguments.of(name, code, action);
	}

	record Note(String text) {

	}

}
