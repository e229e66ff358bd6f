package io.dynamodown.server.internal.expression;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * How DynamoDB compares values in conditions: values of different types are never equal
 * and never ordered; only strings, numbers and binary values are ordered.
 */
final class Values {

	private Values() {
	}

	static boolean equal(@Nullable AttributeValue a, @Nullable AttributeValue b) {
		return a != null && b != null && a.equals(b);
	}

	static boolean ordered(@Nullable AttributeValue a, @Nullable AttributeValue b) {
		return a != null && b != null && a.type() == b.type() && isOrdered(a.type());
	}

	static boolean isOrdered(AttributeValue.Type type) {
		return type == AttributeValue.Type.S || type == AttributeValue.Type.N || type == AttributeValue.Type.B;
	}

	static boolean beginsWith(@Nullable AttributeValue value, @Nullable AttributeValue prefix) {
		if (value == null || prefix == null || value.type() != prefix.type()) {
			return false;
		}
		if (value.type() == AttributeValue.Type.S) {
			return value.asString().startsWith(prefix.asString());
		}
		return value.type() == AttributeValue.Type.B && value.asBinary().startsWith(prefix.asBinary());
	}

	/**
	 * Whether a string contains a substring, a binary value a byte sequence, a set an
	 * element or a list an element.
	 */
	static boolean contains(@Nullable AttributeValue container, @Nullable AttributeValue part) {
		if (container == null || part == null) {
			return false;
		}
		switch (container.type()) {
			case S:
				return part.type() == AttributeValue.Type.S && container.asString().contains(part.asString());
			case B:
				return part.type() == AttributeValue.Type.B && container.asBinary().contains(part.asBinary());
			case SS:
			case NS:
			case BS:
				return container.setElements().contains(part);
			case L:
				return container.asList().contains(part);
			default:
				return false;
		}
	}

}
