package io.dynamodown.boot.autoconfigure;

import java.util.Objects;

import io.dynamodown.InvalidOptionException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Thrown at startup when a {@code dynamodown.*} property has a value that breaks its
 * rule, or is missing where it is required. A Spring Boot
 * {@link InvalidConfigurationPropertyValueException} whose reason is a sentence naming
 * the property ({@code dynamodown.read-capacity must not be negative.});
 * {@link InvalidDynamoDownPropertyFailureAnalyzer} turns it into a failure report that
 * also says where the value was set.
 */
public class InvalidDynamoDownPropertyException extends InvalidConfigurationPropertyValueException {

	private static final long serialVersionUID = 1L;

	/** The full property name, such as {@code dynamodown.table}. */
	private final String property;

	/** The offending value as text, or {@code null} when it is missing. */
	private final @Nullable String value;

	/** The rule the value breaks. */
	private final String rule;

	/**
	 * Creates an exception.
	 * @param property the full property name, such as {@code dynamodown.table}
	 * @param value the offending value as text, or {@code null} when it is missing
	 * @param rule the rule the value breaks, such as "must not be negative"
	 */
	public InvalidDynamoDownPropertyException(String property, @Nullable Object value, String rule) {
		super(Objects.requireNonNull(property, "'property' must not be null"), value,
				property + " " + Objects.requireNonNull(rule, "'rule' must not be null") + ".");
		this.property = property;
		this.value = (value != null) ? value.toString() : null;
		this.rule = rule;
	}

	/**
	 * The failure of the property set for an option the core refused: the store's options
	 * ({@code dynamodown.*}) and the change feed's ({@code options.pollInterval} is
	 * {@code dynamodown.changes.poll-interval}), read from the exception's
	 * {@link InvalidOptionException#option()}, its rejected value and its rule, never
	 * from its message.
	 * @param ex the core's refusal
	 * @return the failure naming the property
	 */
	public static InvalidDynamoDownPropertyException of(InvalidOptionException ex) {
		return PropertiesOptions.invalidProperty(ex, null);
	}

	/**
	 * The name of the invalid property.
	 * @return the full property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The offending value.
	 * @return the value as text, or {@code null} when it is missing
	 */
	@Override
	public @Nullable String getValue() {
		return this.value;
	}

	/**
	 * The rule the value breaks.
	 * @return the rule, such as "must not be negative"
	 */
	public String getRule() {
		return this.rule;
	}

}
