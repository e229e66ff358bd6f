package io.dynamodown.health;

import io.dynamodown.LevelDb;

/**
 * The former place of {@link io.dynamodown.boot.health.LevelDbHealthIndicator}, for code
 * that creates its own indicator. The starter's health contributor is built from the new
 * class.
 *
 * @deprecated since 0.1.0, for removal: use
 * {@link io.dynamodown.boot.health.LevelDbHealthIndicator}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public class LevelDbHealthIndicator extends io.dynamodown.boot.health.LevelDbHealthIndicator {

	/**
	 * Creates an indicator for a store.
	 * @param levelDb the store whose table is checked
	 */
	public LevelDbHealthIndicator(LevelDb levelDb) {
		super(levelDb);
	}

}
