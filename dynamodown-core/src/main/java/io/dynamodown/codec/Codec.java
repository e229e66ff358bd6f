package io.dynamodown.codec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import io.dynamodown.internal.limit.Limits;

/**
 * Turns values of a type into bytes and back. A key codec decides the iteration order:
 * the store orders the encoded bytes, unsigned (so {@link #utf8()} orders strings by
 * their UTF-8 bytes, which is code point order, not {@link String#compareTo}).
 *
 * @param <T> the type
 */
public interface Codec<T> {

	/**
	 * Encodes a value.
	 * @param value the value, not {@code null}
	 * @return its bytes
	 */
	byte[] encode(T value);

	/**
	 * Decodes bytes.
	 * @param bytes the bytes
	 * @return the value
	 */
	T decode(byte[] bytes);

	/**
	 * The identity codec: bytes stay bytes (copied, so the store's arrays are never
	 * shared).
	 * @return the codec
	 */
	static Codec<byte[]> bytes() {
		return of(byte[]::clone, byte[]::clone);
	}

	/**
	 * Strings as UTF-8 bytes. A string with an unpaired surrogate has no UTF-8 form and
	 * is refused ({@link ErrorCode#INVALID_KEY} for a key,
	 * {@link ErrorCode#INVALID_VALUE} for a value, {@link ErrorCode#INVALID_ARGUMENT} for
	 * a range bound, through a typed view), so two different strings never share bytes.
	 * Decoding replaces malformed bytes (written through the byte API) with U+FFFD.
	 * @return the codec
	 */
	static Codec<String> utf8() {
		return of(Codec::wellFormedUtf8, (bytes) -> new String(bytes, StandardCharsets.UTF_8));
	}

	private static byte[] wellFormedUtf8(String text) {
		String malformed = Limits.malformation(text, "string");
		if (malformed != null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, malformed);
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Objects as JSON through Jackson 3 ({@code tools.jackson.core:jackson-databind}, an
	 * optional dependency that must be on the classpath).
	 * @param <T> the type
	 * @param type the class to read JSON into
	 * @return the codec
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} when Jackson is not on
	 * the classpath
	 */
	static <T> Codec<T> json(Class<T> type) {
		Objects.requireNonNull(type, "'type' must not be null");
		try {
			return new JsonCodec<>(type);
		}
		catch (NoClassDefFoundError ex) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"Codec.json needs tools.jackson.core:jackson-databind on the classpath", ex);
		}
	}

	/**
	 * A codec from two functions.
	 * @param <T> the type
	 * @param encoder value to bytes
	 * @param decoder bytes to value
	 * @return the codec
	 */
	static <T> Codec<T> of(Function<T, byte[]> encoder, Function<byte[], T> decoder) {
		Objects.requireNonNull(encoder, "'encoder' must not be null");
		Objects.requireNonNull(decoder, "'decoder' must not be null");
		return new Codec<>() {

			@Override
			public byte[] encode(T value) {
				if (value == null) {
					throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "a codec cannot encode null");
				}
				return encoder.apply(value);
			}

			@Override
			public T decode(byte[] bytes) {
				return decoder.apply(bytes);
			}

		};
	}

}
