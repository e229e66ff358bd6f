package io.dynamodown.boot.cache;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * A {@link CacheValueSerializer} writing JSON with Jackson 3, under the same
 * {@link CacheSerializationPolicy} as {@link JdkCacheValueSerializer}: the class of every
 * value whose declared type is not final (the cached value itself, the elements of
 * collections) is written beside it ({@code "@class"}) and read back only when the policy
 * allows it; nesting is limited to {@code maxDepth} and an entry to {@code maxBytes}.
 * JSON has no shared references, so an entry cannot cost more than its bytes (its arrays
 * included). Collections come back as Jackson builds them ({@code ArrayList},
 * {@code LinkedHashMap}, …), and a {@code Long} that fits an {@code int} is read back as
 * written because its class is written too. Values need Jackson-compatible shapes
 * (records, beans), not {@code Serializable}.
 */
public final class JsonCacheValueSerializer implements CacheValueSerializer {

	private final JsonMapper mapper;

	private final CacheSerializationPolicy policy;

	/**
	 * Creates a serializer reading back what a policy allows.
	 * @param policy the classes and limits allowed
	 */
	public JsonCacheValueSerializer(CacheSerializationPolicy policy) {
		this.policy = policy;
		StreamReadConstraints limits = StreamReadConstraints.builder()
			.maxNestingDepth(policy.maxDepth())
			.maxDocumentLength(policy.maxBytes())
			.build();
		this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
			.activateDefaultTyping(new AllowList(policy), DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY)
			.build();
	}

	@Override
	public byte[] serialize(Object value) {
		try {
			return this.mapper.writerFor(Object.class).writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot write a " + value.getClass().getName() + " as JSON", ex);
		}
	}

	@Override
	public Object deserialize(byte[] bytes) {
		if (bytes.length > this.policy.maxBytes()) {
			throw new IllegalStateException("Refused a cached value of " + bytes.length + " bytes: more than "
					+ this.policy.maxBytes() + " bytes");
		}
		try {
			return this.mapper.readValue(bytes, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					"Refused a cached value of " + bytes.length + " bytes: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Allows the classes of a policy, and arrays of them, as the classes of values.
	 */
	private static final class AllowList extends PolymorphicTypeValidator.Base {

		private static final long serialVersionUID = 1L;

		private final transient CacheSerializationPolicy policy;

		AllowList(CacheSerializationPolicy policy) {
			this.policy = policy;
		}

		@Override
		public Validity validateSubClassName(DatabindContext context, JavaType baseType, String subClassName) {
			return allows(subClassName) ? Validity.ALLOWED : Validity.DENIED;
		}

		@Override
		public Validity validateSubType(DatabindContext context, JavaType baseType, JavaType subType) {
			Class<?> type = subType.getRawClass();
			while (type.isArray()) {
				type = type.getComponentType();
			}
			return (type.isPrimitive() || allows(type.getName())) ? Validity.ALLOWED : Validity.DENIED;
		}

		private boolean allows(String name) {
			String component = name;
			while (component.startsWith("[")) {
				component = component.substring(1);
			}
			if (component.length() == 1) {
				return true;
			}
			if (component.startsWith("L") && component.endsWith(";")) {
				component = component.substring(1, component.length() - 1);
			}
			return this.policy.allows(component);
		}

	}

}
