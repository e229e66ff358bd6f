package io.dynamodown.server.internal.validation;

import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * One request of one operation and what the validator must answer: nothing, a
 * {@code SerializationException}, a {@code ValidationException} with an exact message, or
 * a call of the expression check (which comes after every check that precedes it in
 * DynamoDB's order).
 *
 * @param operation the operation
 * @param name what the case shows
 * @param body the request, written with single quotes for double quotes
 * @param outcome what the validator must answer
 * @param message the exact message of an error, empty otherwise
 */
record ValidationCase(String operation, String name, String body, Outcome outcome, String message) {

	/** The message of the error that the test's expression check throws. */
	static final String EXPRESSIONS_REACHED = "expression check reached";

	private static final List<String> EXPRESSION_MEMBERS = List.of("ConditionExpression", "UpdateExpression",
			"KeyConditionExpression", "FilterExpression", "ProjectionExpression", "ExpressionAttributeNames",
			"ExpressionAttributeValues");

	/**
	 * An expression check that stops validation where DynamoDB checks the expressions of
	 * a request or action that has any.
	 */
	private static final ExpressionCheck STOP_AT_EXPRESSIONS = (request) -> {
		if (EXPRESSION_MEMBERS.stream().anyMatch((name) -> request.get(name) != null)) {
			throw DynamoDbError.validation(EXPRESSIONS_REACHED);
		}
	};

	/**
	 * What the validator answers.
	 */
	enum Outcome {

		/** The request is valid. */
		VALID,
		/** A {@code SerializationException}. */
		SERIALIZATION,
		/** A {@code ValidationException}. */
		VALIDATION

	}

	/**
	 * Validates the body and checks the answer.
	 */
	void verify() {
		Map<String, Object> request = Json.request(this.body);
		if (this.outcome == Outcome.VALID) {
			assertThatNoException()
				.isThrownBy(() -> RequestValidator.validate(this.operation, request, ExpressionCheck.NONE));
			return;
		}
		String type = (this.outcome == Outcome.SERIALIZATION) ? "com.amazon.coral.service#SerializationException"
				: "com.amazon.coral.validate#ValidationException";
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> RequestValidator.validate(this.operation, request, STOP_AT_EXPRESSIONS))
			.satisfies((error) -> assertThat(error.qualifiedType()).isEqualTo(type))
			.withMessage(this.message);
	}

	@Override
	public String toString() {
		return this.operation + ": " + this.name;
	}

}
