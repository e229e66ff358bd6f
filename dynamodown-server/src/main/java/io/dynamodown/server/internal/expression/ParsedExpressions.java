package io.dynamodown.server.internal.expression;

import org.jspecify.annotations.Nullable;

/**
 * The checked expressions of one request (or of one action of a transaction), whether
 * written as expressions or as the legacy parameters; each is {@code null} when the
 * request has none.
 */
public final class ParsedExpressions {

	private final @Nullable Condition condition;

	private final @Nullable Condition filter;

	private final @Nullable KeyCondition keyCondition;

	private final @Nullable Update update;

	private final @Nullable Projection projection;

	ParsedExpressions(@Nullable Condition condition, @Nullable Condition filter, @Nullable KeyCondition keyCondition,
			@Nullable Update update, @Nullable Projection projection) {
		this.condition = condition;
		this.filter = filter;
		this.keyCondition = keyCondition;
		this.update = update;
		this.projection = projection;
	}

	/**
	 * Returns the condition of a write ({@code ConditionExpression} or {@code Expected}).
	 * @return the condition, or {@code null}
	 */
	public @Nullable Condition condition() {
		return this.condition;
	}

	/**
	 * Returns the filter of a read ({@code FilterExpression}, {@code QueryFilter} or
	 * {@code ScanFilter}).
	 * @return the filter, or {@code null}
	 */
	public @Nullable Condition filter() {
		return this.filter;
	}

	/**
	 * Returns the key condition of a query ({@code KeyConditionExpression} or
	 * {@code KeyConditions}).
	 * @return the key condition, or {@code null}
	 */
	public @Nullable KeyCondition keyCondition() {
		return this.keyCondition;
	}

	/**
	 * Returns the update ({@code UpdateExpression} or {@code AttributeUpdates}).
	 * @return the update, or {@code null}
	 */
	public @Nullable Update update() {
		return this.update;
	}

	/**
	 * Returns the projection ({@code ProjectionExpression} or {@code AttributesToGet}).
	 * @return the projection, or {@code null}
	 */
	public @Nullable Projection projection() {
		return this.projection;
	}

}
