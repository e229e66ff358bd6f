package io.dynamodown.internal.condition;

import java.util.Objects;

/**
 * What a conditional write requires of the key's current item. An expired item counts as
 * absent.
 */
public sealed interface Condition permits Condition.Absent, Condition.ValueIs {

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

}
