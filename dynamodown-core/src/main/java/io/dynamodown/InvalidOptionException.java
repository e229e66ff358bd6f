package io.dynamodown;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An option of a store refused before any request: its {@link #code()} is
 * {@link ErrorCode#INVALID_ARGUMENT}, and the option, the rejected value and the rule it
 * breaks are structured accessors, so that a caller that took the option from elsewhere
 * (the Spring Boot starter, from a {@code dynamodown.*} property) can report it in its
 * own terms without reading the message.
 * <p>
 * Options are named as the builder names them: {@code concurrency},
 * {@code attemptTimeout}; the parts of a value type by the option and the part:
 * {@code retryPolicy.maxDelay}, {@code billing.readCapacity},
 * {@code attributeNames.sortKey}, {@code compression.level}.
 */
public class InvalidOptionException extends LevelDbException {

	private static final long serialVersionUID = 1L;

	/** The most characters of a rejected text the message shows. */
	private static final int SHOWN_CHARACTERS = 64;

	private static final Pattern OPTION_REFERENCE = Pattern.compile("\\{([A-Za-z.]+)}");

	/** The refused option. */
	private final String option;

	/** What was given for it, as given, or {@code null} when nothing was given. */
	private final transient @Nullable Object rejectedValue;

	/** The rule, with every option it names written {@code {option}}. */
	private final String ruleTemplate;

	/**
	 * Creates an exception whose message is the option, the rule and the value:
	 * {@code concurrency must be at least 1, was 0}.
	 * @param option the refused option
	 * @param rejectedValue what was given for it, or {@code null} when nothing was
	 * @param rule the rule it breaks; another option it names is written in braces,
	 * {@code must not be shorter than {retryPolicy.baseDelay} (PT2S)}, so that
	 * {@link #rule(UnaryOperator)} can name it in a caller's terms
	 */
	public InvalidOptionException(String option, @Nullable Object rejectedValue, String rule) {
		this(option, option, rejectedValue, rule);
	}

	/**
	 * Creates an exception whose message names the option in words of its own:
	 * {@code table name must be 3 to 255 characters of [a-zA-Z0-9_.-], was 'ab'}.
	 */
	InvalidOptionException(String option, String subject, @Nullable Object rejectedValue, String rule) {
		super(ErrorCode.INVALID_ARGUMENT,
				subject + " " + render(rule, UnaryOperator.identity()) + ", was " + shown(rejectedValue));
		this.option = option;
		this.rejectedValue = rejectedValue;
		this.ruleTemplate = rule;
	}

	/**
	 * The refused option, as the builder names it ({@code concurrency},
	 * {@code retryPolicy.maxDelay}).
	 * @return the option's name
	 */
	public String option() {
		return this.option;
	}

	/**
	 * What was given for the option, as given; {@code null} when nothing was given (an
	 * option that must be set).
	 * @return the value, or {@code null}
	 */
	public @Nullable Object rejectedValue() {
		return this.rejectedValue;
	}

	/**
	 * The rule the value breaks, without the option and the value:
	 * {@code must be at least 1}.
	 * @return the rule, naming other options as the builder does
	 */
	public String rule() {
		return rule(UnaryOperator.identity());
	}

	/**
	 * The rule the value breaks, with each other option it names given the caller's name
	 * for it: {@code must not be shorter than dynamodown.retry.base-delay (PT2S)}.
	 * @param optionNames the caller's name of an option, from the builder's name
	 * @return the rule
	 */
	public String rule(UnaryOperator<String> optionNames) {
		return render(this.ruleTemplate, optionNames);
	}

	private static String render(String template, UnaryOperator<String> optionNames) {
		Matcher references = OPTION_REFERENCE.matcher(template);
		return references.replaceAll((reference) -> Matcher.quoteReplacement(optionNames.apply(reference.group(1))));
	}

	private static String shown(@Nullable Object value) {
		if (value instanceof CharSequence text) {
			if (text.isEmpty()) {
				return "empty";
			}
			return (text.length() > SHOWN_CHARACTERS)
					? "'" + text.subSequence(0, SHOWN_CHARACTERS) + "...' (" + text.length() + " characters)"
					: "'" + text + "'";
		}
		return String.valueOf(value);
	}

}
