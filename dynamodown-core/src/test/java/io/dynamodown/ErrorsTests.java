package io.dynamodown;

import java.util.List;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a failure of the internals becomes the store's public exception.
 */
class ErrorsTests {

	@ParameterizedTest
	@EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "WRITES_INCOMPLETE")
	void eachKindBecomesTheCodeOfTheSameNameWithMessageAndCause(Kind kind) {
		IllegalStateException aws = new IllegalStateException("from the SDK");
		LevelDbException ex = Errors.toPublic(new StoreFailure(kind, "what failed", aws), 0);
		assertThat(ex.code()).isEqualTo(ErrorCode.valueOf(kind.name()));
		assertThat(ex).hasMessage(kind.name() + ": what failed").hasCause(aws);
	}

	@Test
	void internalCausesAndSuppressedFailuresAreConvertedToo() {
		StoreFailure first = new StoreFailure(Kind.THROTTLED, "first chunk");
		StoreFailure other = new StoreFailure(Kind.TIMEOUT, "other chunk");
		StoreFailure outer = new StoreFailure(Kind.REQUEST_FAILED, "outer", first);
		outer.addSuppressed(other);
		LevelDbException ex = Errors.toPublic(outer, 0);
		assertThat(ex.getCause()).isInstanceOfSatisfying(LevelDbException.class,
				(cause) -> assertThat(cause.code()).isEqualTo(ErrorCode.THROTTLED));
		assertThat(ex.getSuppressed()).singleElement()
			.isInstanceOfSatisfying(LevelDbException.class,
					(suppressed) -> assertThat(suppressed.code()).isEqualTo(ErrorCode.TIMEOUT));
	}

	@Test
	void incompleteWritesNameTheKeysOfTheViewWrittenTo() {
		StoreFailure failure = StoreFailure.writesIncomplete("bulk write", 3, List.of(utf8("!s!a"), utf8("!s!b")),
				null);
		LevelDbException ex = Errors.toPublic(failure, 3);
		assertThat(ex).isInstanceOfSatisfying(WritesIncompleteException.class,
				(incomplete) -> assertThat(incomplete.unwrittenKeys()).containsExactly(utf8("a"), utf8("b")));
		assertThat(ex)
			.hasMessage("WRITES_INCOMPLETE: bulk write: 2 of 3 writes not confirmed after retries, keys [61, 62]");
	}

	@Test
	void callsIntoTheInternalsThrowThePublicException() {
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> Errors.call(() -> {
			throw new StoreFailure(Kind.INVALID_KEY, "too long");
		})).satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY));
		assertThat(Errors.call(() -> "answer")).isEqualTo("answer");
	}

}
