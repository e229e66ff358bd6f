package io.dynamodown.boot.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secret access key in {@code /actuator/env} and {@code /actuator/configprops},
 * also with {@code show-values=always}: every property whose name ends with
 * {@code secret-access-key} (in any of its relaxed forms), and every value, of any
 * property source, that contains the configured secret or the name of the secret's
 * property, such as the command line in {@code sun.java.command} or the JSON of
 * {@code SPRING_APPLICATION_JSON}.
 */
final class SecretSanitizingFunction implements SanitizingFunction {

	/**
	 * Shorter secrets (placeholders such as {@code local}, which local servers accept)
	 * would mask unrelated values that happen to contain them; real AWS secret access
	 * keys have 40 characters.
	 */
	static final int MIN_SECRET_LENGTH = 8;

	private static final String[] NAME_FORMS = { "secret-access-key", "secretaccesskey", "secret_access_key" };

	private final @Nullable String secret;

	SecretSanitizingFunction(@Nullable String secret) {
		this.secret = (secret != null && secret.length() >= MIN_SECRET_LENGTH) ? secret : null;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getLowerCaseKey();
		Object value = data.getValue();
		if (mentionsTheSecret(key) || (value != null && (containsTheSecret(value.toString())
				|| mentionsTheSecret(value.toString().toLowerCase(Locale.ROOT))))) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private boolean containsTheSecret(String value) {
		return this.secret != null && value.contains(this.secret);
	}

	private static boolean mentionsTheSecret(String lowerCaseText) {
		for (String form : NAME_FORMS) {
			if (lowerCaseText.contains(form)) {
				return true;
			}
		}
		return false;
	}

}
