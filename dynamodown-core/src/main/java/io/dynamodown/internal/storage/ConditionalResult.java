package io.dynamodown.internal.storage;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a conditional write.
 *
 * @param written whether the write happened
 * @param current when it did not: the key's value that failed the condition (a copy; it
 * was live at the request's now), else {@code null}
 */
public record ConditionalResult(boolean written, byte @Nullable [] current) {

	/**
	 * The value that kept the write from happening.
	 * @return the value, empty when the write happened
	 */
	public Optional<byte[]> currentValue() {
		return Optional.ofNullable(this.current);
	}

	/** The write happened. */
	public static final ConditionalResult WRITTEN = new ConditionalResult(true, null);

}
