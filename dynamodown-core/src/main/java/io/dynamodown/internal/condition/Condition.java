package io.dynamodown.internal.condition;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a conditional write requires of the key's current item. An expired item counts as
 * absent.
 */
public sealed interface Condition
		permits Condition.Absent, Condition.ValueIs, Condition.StoredIs, Condition.NotChunked, Condition.Replacing {

	/** The key is absent or expired. */
	Condition ABSENT = new Absent();

	/**
	 * Requires the key to be absent (or expired).
	 */
	record Absent() implements Condition {

	}

	/**
	 * Requires the key to be present, live, and to hold exactly {@code expected}.
	 *
	 * @param expected the value the key must hold
	 */
	record ValueIs(byte[] expected) implements Condition {

		/**
		 * Creates the condition.
		 * @param expected the value the key must hold
		 */
		public ValueIs {
			Objects.requireNonNull(expected, "'expected' must not be null");
		}

	}

	/**
	 * What an unconditional write of a transaction is sent with: the key's item, if any,
	 * holds its value inline, so the write replaces no chunks. When it fails, the item
	 * that failed it names the chunks, and the write is sent again {@link Replacing} it.
	 */
	Condition NOT_CHUNKED = new NotChunked();

	/**
	 * Requires the key to be absent or its item to hold a value inline (live or not).
	 */
	record NotChunked() implements Condition {

	}

	/**
	 * Requires the key's item (live or not) to name exactly these chunks: an
	 * unconditional write that replaces a chunked value, so that the chunks can be
	 * removed once it is written.
	 *
	 * @param form the form attribute of the item replaced
	 */
	record Replacing(byte[] form) implements Condition {

	}

	/**
	 * Requires the key to be present, live, and its item to hold exactly these stored
	 * attributes: how a {@link ValueIs} is sent, since one value can be stored in more
	 * than one way (compressed or not, by another codec or level, in chunks).
	 *
	 * @param value the value attribute the item must hold, or {@code null} for none
	 * @param form the form attribute the item must hold, or {@code null} for none
	 */
	record StoredIs(byte @Nullable [] value, byte @Nullable [] form) implements Condition {

	}

}
