package io.dynamodown.server.internal.validation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The consistency of an {@code SSESpecification}: a key type and key only when encryption
 * is enabled, and a key only with KMS.
 */
final class SseRule {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private SseRule() {
	}

	/**
	 * Checks an encryption specification.
	 * @param specification the type-checked specification, or {@code null}
	 * @return DynamoDB's message, or {@code null}
	 */
	static @Nullable String problem(@Nullable Object specification) {
		Map<?, ?> sse = Checks.struct(specification);
		Object type = sse.get("SSEType");
		Object key = sse.get("KMSMasterKeyId");
		if (Boolean.FALSE.equals(sse.get("Enabled"))) {
			if (type != null) {
				return INVALID + "SSEType can not be specified if Enabled is false";
			}
			if (key != null) {
				return INVALID + "KMSMasterKeyId can not be specified if Enabled is false";
			}
		}
		if ("AES256".equals(type)) {
			return INVALID + "SSEType AES256 is not supported";
		}
		if (key != null && !"KMS".equals(type)) {
			return INVALID + "SSEType KMS is required if KMSMasterKeyId is specified";
		}
		return null;
	}

}
