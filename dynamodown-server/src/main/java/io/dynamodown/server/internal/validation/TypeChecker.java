package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.jspecify.annotations.Nullable;

/**
 * Checks the JSON types of a request against its shape as DynamoDB's deserializer does,
 * answering a {@code SerializationException} in its words, and returns the body as the
 * deserializer sees it: members the shape does not know and {@code null} members dropped,
 * structure members in the shape's order, booleans given as strings converted and
 * integers floored.
 */
final class TypeChecker {

	private static final String MODEL = "com.amazonaws.dynamodb.v20120810.";

	private static final String CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast"
			+ " to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and"
			+ " java.lang.Class are in module java.base of loader 'bootstrap')";

	private static final String STRUCTURE = "Start of structure or map found where not expected";

	private static final Shape ATTRIBUTE_MEMBERS = Shape.struct("AttributeValue")
		.with("S", Shape.string())
		.with("B", Shape.blob())
		.with("N", Shape.string())
		.with("BOOL", Shape.bool())
		.with("NULL", Shape.bool())
		.with("BS", Shape.list(Shape.blob()))
		.with("NS", Shape.list(Shape.string()))
		.with("SS", Shape.list(Shape.string()))
		.with("L", Shape.list(Shape.attributeValue()))
		.with("M", Shape.map("AttributeValue", Shape.attributeValue()));

	private TypeChecker() {
	}

	/**
	 * Checks the members of a structure (or of the request itself).
	 * @param data the JSON object
	 * @param shape the structure's shape
	 * @return the members the shape knows, type-checked, in the shape's order
	 * @throws DynamoDbError a {@code SerializationException} for the first member, in the
	 * shape's order, whose type is wrong
	 */
	static Map<String, Object> checkMembers(Map<String, Object> data, Shape shape) {
		Map<String, Object> checked = new LinkedHashMap<>();
		shape.members().forEach((name, member) -> {
			Object value = check(data.get(name), member);
			if (value != null) {
				checked.put(name, value);
			}
		});
		return checked;
	}

	private static @Nullable Object check(@Nullable Object value, Shape shape) {
		if (value == null) {
			return null;
		}
		switch (shape.kind()) {
			case BOOLEAN:
				return checkBoolean(value);
			case STRING:
				return checkString(value);
			case INTEGER:
			case LONG:
				return checkInteger(value, shape.typeName());
			case BLOB:
				return checkBlob(value);
			case LIST:
				return checkList(value, shape, "Unexpected field type");
			case PARAMETERIZED_LIST:
				return checkList(value, shape, CAST);
			case MAP:
				return checkMap(value, shape, "Unexpected field type", mapType(shape.typeName()));
			case PARAMETERIZED_MAP:
				return checkMap(value, shape, CAST, mapType("AttributeValue"));
			case VALUE_STRUCT:
				return checkStruct(value, shape, "Unexpected value type in payload");
			case FIELD_STRUCT:
				return checkStruct(value, shape, "Unexpected field type");
			case ATTRIBUTE_VALUE:
				return checkStruct(value, ATTRIBUTE_MEMBERS, "Unexpected value type in payload");
			default:
				return checkStruct(value, ATTRIBUTE_MEMBERS, "Unexpected field type");
		}
	}

	private static Object checkBoolean(Object value) {
		if (value instanceof BigDecimal number) {
			throw DynamoDbError.serialization(numberKind(number) + " cannot be converted to Boolean");
		}
		if (value instanceof String text) {
			switch (text.toUpperCase(Locale.ROOT)) {
				case "TRUE":
				case "1":
				case "YES":
					return Boolean.TRUE;
				case "FALSE":
				case "0":
				case "NO":
					return Boolean.FALSE;
				default:
					throw DynamoDbError.serialization("Unexpected token received from parser");
			}
		}
		rejectContainers(value, "class java.lang.Boolean");
		return value;
	}

	private static Object checkString(Object value) {
		if (value instanceof Boolean flag) {
			throw DynamoDbError.serialization(booleanKind(flag) + " cannot be converted to String");
		}
		if (value instanceof BigDecimal number) {
			throw DynamoDbError.serialization(numberKind(number) + " cannot be converted to String");
		}
		rejectContainers(value, "class java.lang.String");
		return value;
	}

	private static Object checkInteger(Object value, String type) {
		if (value instanceof Boolean flag) {
			throw DynamoDbError.serialization(booleanKind(flag) + " cannot be converted to " + type);
		}
		if (value instanceof String) {
			throw DynamoDbError.serialization("STRING_VALUE cannot be converted to " + type);
		}
		rejectContainers(value, "class java.lang." + type);
		BigDecimal number = (BigDecimal) value;
		// An integral number keeps its (possibly huge) exponent rather than being
		// expanded.
		return (number.scale() > 0) ? number.setScale(0, RoundingMode.FLOOR) : number;
	}

	private static Object checkBlob(Object value) {
		if (value instanceof Boolean || value instanceof BigDecimal) {
			throw DynamoDbError.serialization("only base-64-encoded strings are convertible to bytes");
		}
		rejectContainers(value, "class java.nio.ByteBuffer");
		String text = (String) value;
		if (text.length() % 4 != 0) {
			throw DynamoDbError
				.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
		}
		if (!isCanonicalBase64(text)) {
			throw DynamoDbError.serialization("Invalid last non-pad Base64 character dectected");
		}
		return text;
	}

	private static boolean isCanonicalBase64(String text) {
		try {
			return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void rejectContainers(Object value, String collectionType) {
		if (value instanceof List) {
			throw DynamoDbError.serialization("Unrecognized collection type " + collectionType);
		}
		if (value instanceof Map) {
			throw DynamoDbError.serialization(STRUCTURE);
		}
	}

	private static List<@Nullable Object> checkList(Object value, Shape shape, String scalarMessage) {
		if (value instanceof Map) {
			throw DynamoDbError.serialization(STRUCTURE);
		}
		if (!(value instanceof List<?> list)) {
			throw DynamoDbError.serialization(scalarMessage);
		}
		List<@Nullable Object> checked = new ArrayList<>(list.size());
		for (Object element : list) {
			checked.add(check(element, shape.element()));
		}
		return checked;
	}

	private static Map<String, @Nullable Object> checkMap(Object value, Shape shape, String scalarMessage,
			String collectionType) {
		if (value instanceof List) {
			throw DynamoDbError.serialization("Unrecognized collection type " + collectionType);
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw DynamoDbError.serialization(scalarMessage);
		}
		Map<String, @Nullable Object> checked = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			checked.put(String.valueOf(entry.getKey()), check(entry.getValue(), shape.element()));
		}
		return checked;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> checkStruct(Object value, Shape shape, String scalarMessage) {
		if (value instanceof List) {
			throw DynamoDbError.serialization("Unrecognized collection type class " + MODEL + shape.typeName());
		}
		if (!(value instanceof Map)) {
			throw DynamoDbError.serialization(scalarMessage);
		}
		return checkMembers((Map<String, Object>) value, shape);
	}

	private static String mapType(String valueType) {
		return "java.util.Map<java.lang.String, " + (valueType.contains(".") ? valueType : MODEL + valueType) + ">";
	}

	private static String numberKind(BigDecimal number) {
		return (number.stripTrailingZeros().scale() <= 0) ? "NUMBER_VALUE" : "DECIMAL_VALUE";
	}

	private static String booleanKind(boolean flag) {
		return flag ? "TRUE_VALUE" : "FALSE_VALUE";
	}

}
