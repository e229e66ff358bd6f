package io.dynamodown.server.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DynamoDB attribute value: its type and an immutable value. Numbers are kept
 * normalized (no trailing zeros) so that equal numbers are equal values; sets compare as
 * sets, whatever their order.
 * <p>
 * Values are built from the JSON form of a request only after the request was validated
 * ({@link #fromJson(Object)} trusts its input); {@link #toJson()} gives the form an
 * answer carries.
 */
public final class AttributeValue {

	/**
	 * DynamoDB's data types, named as in the JSON protocol.
	 */
	public enum Type {

		/** String. */
		S,
		/** Number. */
		N,
		/** Binary. */
		B,
		/** Boolean. */
		BOOL,
		/** Null. */
		NULL,
		/** String set. */
		SS,
		/** Number set. */
		NS,
		/** Binary set. */
		BS,
		/** List. */
		L,
		/** Map. */
		M;

		/**
		 * Returns whether values of this type are sets.
		 * @return whether they are
		 */
		public boolean isSet() {
			return this == SS || this == NS || this == BS;
		}

	}

	/** The {@code NULL} value. */
	public static final AttributeValue NULL = new AttributeValue(Type.NULL, Boolean.TRUE);

	private static final AttributeValue TRUE = new AttributeValue(Type.BOOL, Boolean.TRUE);

	private static final AttributeValue FALSE = new AttributeValue(Type.BOOL, Boolean.FALSE);

	private final Type type;

	private final Object value;

	private AttributeValue(Type type, Object value) {
		this.type = type;
		this.value = value;
	}

	/**
	 * A string value.
	 * @param value the string
	 * @return the attribute value
	 */
	public static AttributeValue s(String value) {
		return new AttributeValue(Type.S, value);
	}

	/**
	 * A number value, normalized.
	 * @param value the number
	 * @return the attribute value
	 */
	public static AttributeValue n(BigDecimal value) {
		return new AttributeValue(Type.N, normalize(value));
	}

	/**
	 * A number value from its text, normalized.
	 * @param value the number's text, already validated
	 * @return the attribute value
	 */
	public static AttributeValue n(String value) {
		return n(new BigDecimal(value.trim()));
	}

	/**
	 * A binary value.
	 * @param value the bytes
	 * @return the attribute value
	 */
	public static AttributeValue b(Bytes value) {
		return new AttributeValue(Type.B, value);
	}

	/**
	 * A boolean value.
	 * @param value the boolean
	 * @return the attribute value
	 */
	public static AttributeValue bool(boolean value) {
		return value ? TRUE : FALSE;
	}

	/**
	 * A string set.
	 * @param values the distinct strings, at least one
	 * @return the attribute value
	 */
	public static AttributeValue ss(List<String> values) {
		return new AttributeValue(Type.SS, List.copyOf(values));
	}

	/**
	 * A number set.
	 * @param values the distinct numbers, at least one
	 * @return the attribute value
	 */
	public static AttributeValue ns(List<BigDecimal> values) {
		List<BigDecimal> normalized = new ArrayList<>(values.size());
		for (BigDecimal number : values) {
			normalized.add(normalize(number));
		}
		return new AttributeValue(Type.NS, Collections.unmodifiableList(normalized));
	}

	/**
	 * A binary set.
	 * @param values the distinct byte strings, at least one
	 * @return the attribute value
	 */
	public static AttributeValue bs(List<Bytes> values) {
		return new AttributeValue(Type.BS, List.copyOf(values));
	}

	/**
	 * A list.
	 * @param values the elements
	 * @return the attribute value
	 */
	public static AttributeValue l(List<AttributeValue> values) {
		return new AttributeValue(Type.L, List.copyOf(values));
	}

	/**
	 * A map.
	 * @param values the entries, in the order to keep
	 * @return the attribute value
	 */
	public static AttributeValue m(Map<String, AttributeValue> values) {
		return new AttributeValue(Type.M, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
	}

	private static BigDecimal normalize(BigDecimal number) {
		return (number.signum() == 0) ? BigDecimal.ZERO : number.stripTrailingZeros();
	}

	/**
	 * Builds a value from its validated JSON form, such as {@code {"S": "text"}}.
	 * @param json the JSON object (a map with exactly one valid member)
	 * @return the attribute value
	 * @throws IllegalArgumentException if the form is not one of DynamoDB's types
	 */
	@SuppressWarnings("unchecked")
	public static AttributeValue fromJson(Object json) {
		Map<String, Object> object = (Map<String, Object>) json;
		for (Map.Entry<String, Object> member : object.entrySet()) {
			Object value = member.getValue();
			if (value == null) {
				continue;
			}
			switch (member.getKey()) {
				case "S":
					return s((String) value);
				case "N":
					return n((String) value);
				case "B":
					return b(Bytes.fromBase64((String) value));
				case "BOOL":
					return bool((Boolean) value);
				case "NULL":
					return NULL;
				case "SS":
					return ss(strings(value));
				case "NS": {
					List<BigDecimal> numbers = new ArrayList<>();
					for (String text : strings(value)) {
						numbers.add(new BigDecimal(text.trim()));
					}
					return ns(numbers);
				}
				case "BS": {
					List<Bytes> bytes = new ArrayList<>();
					for (String text : strings(value)) {
						bytes.add(Bytes.fromBase64(text));
					}
					return bs(bytes);
				}
				case "L": {
					List<AttributeValue> elements = new ArrayList<>();
					for (Object element : (List<Object>) value) {
						elements.add(fromJson(element));
					}
					return l(elements);
				}
				case "M":
					return m(mapFromJson(value));
				default:
			}
		}
		throw new IllegalArgumentException("Not an attribute value: " + json);
	}

	/**
	 * Builds an item (or any attribute map) from its validated JSON form.
	 * @param json the JSON object of attribute name to attribute value
	 * @return the attributes, in the order of the JSON object
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, AttributeValue> mapFromJson(Object json) {
		Map<String, AttributeValue> map = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : ((Map<String, Object>) json).entrySet()) {
			if (entry.getValue() != null) {
				map.put(entry.getKey(), fromJson(entry.getValue()));
			}
		}
		return map;
	}

	/**
	 * Returns the JSON form of an attribute map, as answers carry items.
	 * @param map the attributes
	 * @return the JSON object
	 */
	public static Map<String, Object> mapToJson(Map<String, AttributeValue> map) {
		Map<String, Object> json = new LinkedHashMap<>();
		map.forEach((name, value) -> json.put(name, value.toJson()));
		return json;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

	/**
	 * Returns the JSON form of this value, such as {@code {"N": "12.5"}}.
	 * @return a JSON object with one member
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>(2);
		json.put(this.type.name(), jsonValue());
		return json;
	}

	private Object jsonValue() {
		switch (this.type) {
			case N:
				return ((BigDecimal) this.value).toPlainString();
			case B:
				return ((Bytes) this.value).toBase64();
			case NS: {
				List<Object> texts = new ArrayList<>();
				for (BigDecimal number : asNumberSet()) {
					texts.add(number.toPlainString());
				}
				return texts;
			}
			case BS: {
				List<Object> texts = new ArrayList<>();
				for (Bytes bytes : asBinarySet()) {
					texts.add(bytes.toBase64());
				}
				return texts;
			}
			case L: {
				List<Object> elements = new ArrayList<>();
				for (AttributeValue element : asList()) {
					elements.add(element.toJson());
				}
				return elements;
			}
			case M:
				return mapToJson(asMap());
			default:
				return this.value;
		}
	}

	/**
	 * Returns the type.
	 * @return the type
	 */
	public Type type() {
		return this.type;
	}

	/**
	 * Returns the string of an {@code S} value.
	 * @return the string
	 * @throws ClassCastException if this is not a string
	 */
	public String asString() {
		return (String) valueOf(Type.S);
	}

	/**
	 * Returns the number of an {@code N} value, normalized.
	 * @return the number
	 */
	public BigDecimal asNumber() {
		return (BigDecimal) valueOf(Type.N);
	}

	/**
	 * Returns the bytes of a {@code B} value.
	 * @return the bytes
	 */
	public Bytes asBinary() {
		return (Bytes) valueOf(Type.B);
	}

	/**
	 * Returns the boolean of a {@code BOOL} value.
	 * @return the boolean
	 */
	public boolean asBoolean() {
		return (Boolean) valueOf(Type.BOOL);
	}

	/**
	 * Returns the strings of an {@code SS} value.
	 * @return the strings, unmodifiable
	 */
	@SuppressWarnings("unchecked")
	public List<String> asStringSet() {
		return (List<String>) valueOf(Type.SS);
	}

	/**
	 * Returns the numbers of an {@code NS} value.
	 * @return the numbers, unmodifiable
	 */
	@SuppressWarnings("unchecked")
	public List<BigDecimal> asNumberSet() {
		return (List<BigDecimal>) valueOf(Type.NS);
	}

	/**
	 * Returns the byte strings of a {@code BS} value.
	 * @return the byte strings, unmodifiable
	 */
	@SuppressWarnings("unchecked")
	public List<Bytes> asBinarySet() {
		return (List<Bytes>) valueOf(Type.BS);
	}

	/**
	 * Returns the elements of an {@code L} value.
	 * @return the elements, unmodifiable
	 */
	@SuppressWarnings("unchecked")
	public List<AttributeValue> asList() {
		return (List<AttributeValue>) valueOf(Type.L);
	}

	/**
	 * Returns the entries of an {@code M} value.
	 * @return the entries, unmodifiable
	 */
	@SuppressWarnings("unchecked")
	public Map<String, AttributeValue> asMap() {
		return (Map<String, AttributeValue>) valueOf(Type.M);
	}

	/**
	 * Returns the elements of a set value as attribute values of the element type.
	 * @return the elements
	 */
	public List<AttributeValue> setElements() {
		List<AttributeValue> elements = new ArrayList<>();
		switch (this.type) {
			case SS:
				asStringSet().forEach((element) -> elements.add(s(element)));
				break;
			case NS:
				asNumberSet().forEach((element) -> elements.add(n(element)));
				break;
			case BS:
				asBinarySet().forEach((element) -> elements.add(b(element)));
				break;
			default:
				throw new ClassCastException(this.type + " is not a set");
		}
		return elements;
	}

	private Object valueOf(Type expected) {
		if (this.type != expected) {
			throw new ClassCastException(this.type + " is not " + expected);
		}
		return this.value;
	}

	/**
	 * Compares two scalar values of one type as DynamoDB orders them: strings by their
	 * UTF-8 bytes, numbers by value, binary values by unsigned bytes.
	 * @param other a value of the same scalar type ({@code S}, {@code N} or {@code B})
	 * @return negative, zero or positive
	 * @throws ClassCastException if the types differ or are not ordered
	 */
	public int compareTo(AttributeValue other) {
		if (this.type != other.type) {
			throw new ClassCastException(this.type + " is not comparable with " + other.type);
		}
		switch (this.type) {
			case S:
				return compareUtf8(asString(), other.asString());
			case N:
				return asNumber().compareTo(other.asNumber());
			case B:
				return asBinary().compareTo(other.asBinary());
			default:
				throw new ClassCastException(this.type + " values are not ordered");
		}
	}

	/**
	 * Compares strings by their UTF-8 bytes, which is code point order.
	 * @param a one string
	 * @param b another
	 * @return negative, zero or positive
	 */
	public static int compareUtf8(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof AttributeValue)) {
			return false;
		}
		AttributeValue that = (AttributeValue) other;
		if (this.type != that.type) {
			return false;
		}
		if (this.type.isSet()) {
			List<?> mine = (List<?>) this.value;
			List<?> theirs = (List<?>) that.value;
			return mine.size() == theirs.size() && new HashSet<>(mine).equals(new HashSet<>(theirs));
		}
		return this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return this.type.isSet() ? Objects.hash(this.type, new HashSet<>((List<?>) this.value))
				: Objects.hash(this.type, this.value);
	}

	@Override
	public String toString() {
		return toJson().toString();
	}

}
