package io.dynamodown.internal.condition;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a conditional write requires of the key's current item. An expired item counts as
 * absent.
 */
public sealed interface Condition permits Condition.Absent, Condition.ValueIs, Condition.StoredIs {

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
