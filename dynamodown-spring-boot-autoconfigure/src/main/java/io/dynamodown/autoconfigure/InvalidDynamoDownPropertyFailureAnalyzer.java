package io.dynamodown.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidDynamoDownPropertyException} as a failure analysis naming the
 * property, the value and the rule it breaks.
 */
class InvalidDynamoDownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDynamoDownPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDynamoDownPropertyException cause) {
		StringBuilder description = new StringBuilder("Invalid dynamodown configuration:\n\n");
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		description.append("    Value: ")
			.append((cause.getValue() != null) ? cause.getValue() : "(not set)")
			.append('\n');
		description.append("    Reason: ").append(cause.getProperty()).append(' ').append(cause.getRule()).append('\n');
		return new FailureAnalysis(description.toString(), "Update your application's configuration so that '"
				+ cause.getProperty() + "' " + cause.getRule() + ".", cause);
	}

}
