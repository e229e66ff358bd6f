package io.dynamodown.server.internal.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table-driven test of one operation: each subclass provides a static {@code cases()}
 * of {@link ValidationCase}s, written by hand from DynamoDB's documented behaviour and
 * the validator's rules.
 */
abstract class OperationValidationTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersAsDynamoDbDoes(ValidationCase validationCase) {
		validationCase.verify();
	}

}
