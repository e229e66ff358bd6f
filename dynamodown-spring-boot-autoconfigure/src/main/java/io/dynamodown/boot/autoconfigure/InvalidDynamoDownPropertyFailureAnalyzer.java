package io.dynamodown.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reports an {@link InvalidDynamoDownPropertyException} as a failure analysis naming the
 * property, its value, where it was set (a file and line, the command line, an
 * environment variable) and the rule it breaks. Runs before Spring Boot's analyzer of
 * invalid property values, which says nothing about a property that is missing rather
 * than wrong.
 */
class InvalidDynamoDownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDynamoDownPropertyException>
		implements Ordered {

	private final @Nullable Environment environment;

	InvalidDynamoDownPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDynamoDownPropertyException cause) {
		String property = cause.getProperty();
		String value = cause.getValue();
		StringBuilder description = new StringBuilder("Invalid dynamodown configuration:\n\n");
		description.append("    Property: ").append(property).append('\n');
		description.append("    Value: ").append((value != null) ? value : "(not set)").append('\n');
		String origin = (value != null) ? origin(property) : null;
		if (origin != null) {
			description.append("    Origin: ").append(origin).append('\n');
		}
		description.append("    Reason: ").append(property).append(' ').append(cause.getRule()).append('\n');
		String action;
		if (cause instanceof UnknownDynamoDownPropertyException) {
			action = "Rename " + property + " where it is set" + ((origin != null) ? " (see Origin above)" : "")
					+ ", or remove it; with " + UnknownPropertiesReporter.FAIL_PROPERTY
					+ "=false, unknown keys are only logged.";
		}
		else if (value == null) {
			action = "Set " + property + ", following the reason above.";
		}
		else if (origin != null) {
			action = "Correct the value of " + property + " where it is set (see Origin above), following the reason "
					+ "above.";
		}
		else {
			action = "Correct the value of " + property + ", following the reason above.";
		}
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private @Nullable String origin(String property) {
		if (this.environment == null || !ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				Origin origin = found.getOrigin();
				return (origin != null) ? origin.toString() : String.valueOf(source.getUnderlyingSource());
			}
		}
		return null;
	}

}
