package io.dynamodown.boot.cache;

import java.io.ObjectInputFilter;

import org.jspecify.annotations.Nullable;

/**
 * The {@link ObjectInputFilter} of one deserialization under a
 * {@link CacheSerializationPolicy}: a class the policy does not allow, or a graph past
 * one of its limits, is rejected before it is built, and the first reason is kept for the
 * message. One instance per stream.
 */
final class AllowListInputFilter implements ObjectInputFilter {

	private final CacheSerializationPolicy policy;

	private @Nullable String rejection;

	AllowListInputFilter(CacheSerializationPolicy policy) {
		this.policy = policy;
	}

	@Override
	public Status checkInput(FilterInfo info) {
		String reason = reasonToReject(info);
		if (reason == null) {
			return Status.ALLOWED;
		}
		if (this.rejection == null) {
			this.rejection = reason;
		}
		return Status.REJECTED;
	}

	/**
	 * Why the stream was rejected.
	 * @return the first reason, or {@code null} when nothing was rejected
	 */
	@Nullable String rejection() {
		return this.rejection;
	}

	private @Nullable String reasonToReject(FilterInfo info) {
		if (info.depth() > this.policy.maxDepth()) {
			return "nesting deeper than " + this.policy.maxDepth();
		}
		if (info.references() > this.policy.maxReferences()) {
			return "more than " + this.policy.maxReferences() + " references";
		}
		if (info.streamBytes() > this.policy.maxBytes()) {
			return "more than " + this.policy.maxBytes() + " bytes";
		}
		if (info.arrayLength() > this.policy.maxArrayLength()) {
			return "an array of " + info.arrayLength() + " elements (most " + this.policy.maxArrayLength() + ")";
		}
		Class<?> type = info.serialClass();
		if (type == null) {
			return null;
		}
		Class<?> component = type;
		while (component.isArray()) {
			component = component.getComponentType();
		}
		if (component.isPrimitive() || (type.isArray() && component == Object.class)
				|| this.policy.allows(component.getName())) {
			return null;
		}
		return "class " + component.getName() + " is not allowed (dynamodown.cache.serialization.*)";
	}

}
