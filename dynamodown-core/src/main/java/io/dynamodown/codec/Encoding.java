package io.dynamodown.codec;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import org.jspecify.annotations.Nullable;

/**
 * Encodes the keys, values and range bounds of a typed view so that every refusal has the
 * byte store's error code: a {@code null} key or value is {@link ErrorCode#INVALID_KEY}
 * or {@link ErrorCode#INVALID_VALUE}, and so is one the codec cannot encode (a range
 * bound that cannot be encoded is {@link ErrorCode#INVALID_ARGUMENT}); whatever a codec
 * throws becomes that code.
 */
final class Encoding {

	private Encoding() {
	}

	static <K> byte[] key(Codec<K> codec, @Nullable K key) {
		return encode(codec, key, ErrorCode.INVALID_KEY, ErrorCode.INVALID_KEY, "key");
	}

	static <V> byte[] value(Codec<V> codec, @Nullable V value) {
		return encode(codec, value, ErrorCode.INVALID_VALUE, ErrorCode.INVALID_VALUE, "value");
	}

	static <K> byte[] bound(Codec<K> codec, @Nullable K bound, String option) {
		return encode(codec, bound, ErrorCode.INVALID_KEY, ErrorCode.INVALID_ARGUMENT, "range option '" + option + "'");
	}

	private static <T> byte[] encode(Codec<T> codec, @Nullable T element, ErrorCode whenNull, ErrorCode whenRefused,
			String what) {
		if (element == null) {
			throw new LevelDbException(whenNull, what + " must not be null");
		}
		try {
			return codec.encode(element);
		}
		catch (LevelDbException ex) {
			if (ex.code() == whenRefused) {
				throw ex;
			}
			throw new LevelDbException(whenRefused, what + " cannot be encoded (" + ex.getMessage() + ")", ex);
		}
		catch (RuntimeException ex) {
			throw new LevelDbException(whenRefused, what + " cannot be encoded (" + ex + ")", ex);
		}
	}

}
