package io.dynamodown;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The facade's own argument checks: that what a call needs is given. Everything else
 * about an argument (limits, encoding) is checked by the internals.
 */
final class Arguments {

	private Arguments() {
	}

	/**
	 * Checks that a key is given.
	 * @param key the key
	 * @return the key
	 * @throws LevelDbException {@link ErrorCode#INVALID_KEY} when it is {@code null}
	 */
	static byte[] checkKey(byte @Nullable [] key) {
		if (key == null) {
			throw new LevelDbException(ErrorCode.INVALID_KEY, "key must not be null");
		}
		return key;
	}

	/**
	 * Checks that an expected value is given.
	 * @param expected the expected value
	 * @return the expected value
	 * @throws LevelDbException {@link ErrorCode#INVALID_VALUE} when it is {@code null}
	 */
	static byte[] checkExpected(byte @Nullable [] expected) {
		if (expected == null) {
			throw new LevelDbException(ErrorCode.INVALID_VALUE, "expected value must not be null");
		}
		return expected;
	}

	/**
	 * Checks that an argument is given.
	 * @param argument the argument
	 * @param name its name, for the message
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} when it is {@code null}
	 */
	static void checkGiven(@Nullable Object argument, String name) {
		if (argument == null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "'" + name + "' must not be null");
		}
	}

	/**
	 * Checks that a time to live is given; its range is checked by the internals.
	 * @param ttl the time to live
	 * @return the time to live
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} when it is {@code null}
	 */
	static Duration checkTtl(@Nullable Duration ttl) {
		if (ttl == null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"ttl must not be null (without a ttl a key does not expire), was null");
		}
		return ttl;
	}

}
