package io.dynamodown;

import java.util.Optional;

import io.dynamodown.internal.key.KeyBound;

/**
 * The bounds of a {@link Range}, for models and planner tests in other packages.
 */
public final class RangeBounds {

	private RangeBounds() {
	}

	public static Optional<KeyBound> lower(Range range) {
		return Optional.ofNullable(range.lower());
	}

	public static Optional<KeyBound> upper(Range range) {
		return Optional.ofNullable(range.upper());
	}

}
