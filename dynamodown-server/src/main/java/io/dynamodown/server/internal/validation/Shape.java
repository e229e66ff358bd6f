package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The declared shape of one member of a request: its wire type (which decides the
 * {@code SerializationException} messages), its constraints, and the shapes of its
 * elements or members. Shapes are immutable; each modifier returns a new shape.
 */
final class Shape {

	/**
	 * The wire types, as DynamoDB's deserializer tells them apart.
	 */
	enum Kind {

		/** A boolean ({@code java.lang.Boolean}). */
		BOOLEAN,
		/** A string. */
		STRING,
		/** A 32-bit integer. */
		INTEGER,
		/** A 64-bit integer. */
		LONG,
		/** Base64-encoded bytes ({@code java.nio.ByteBuffer}). */
		BLOB,
		/** A list member of a structure. */
		LIST,
		/** A list that is itself the value of a map. */
		PARAMETERIZED_LIST,
		/** A map member of a structure. */
		MAP,
		/** A map that is itself an element of a list. */
		PARAMETERIZED_MAP,
		/** A structure that is the value of a list or map. */
		VALUE_STRUCT,
		/** A structure that is a member of another structure. */
		FIELD_STRUCT,
		/** An attribute value that is the value of a list or map. */
		ATTRIBUTE_VALUE,
		/** An attribute value that is a member of a structure. */
		ATTRIBUTE_FIELD

	}

	private final Kind kind;

	private final String typeName;

	private final @Nullable Shape element;

	private final Map<String, Shape> members;

	private final List<Constraint> constraints;

	private final List<Constraint> keyConstraints;

	private final List<Constraint> valueConstraints;

	private final boolean required;

	private final boolean tableName;

	private Shape(Kind kind, String typeName, @Nullable Shape element, Map<String, Shape> members,
			List<Constraint> constraints, List<Constraint> keyConstraints, List<Constraint> valueConstraints,
			boolean required, boolean tableName) {
		this.kind = kind;
		this.typeName = typeName;
		this.element = element;
		this.members = members;
		this.constraints = constraints;
		this.keyConstraints = keyConstraints;
		this.valueConstraints = valueConstraints;
		this.required = required;
		this.tableName = tableName;
	}

	private static Shape of(Kind kind, String typeName, @Nullable Shape element) {
		return new Shape(kind, typeName, element, Map.of(), List.of(), List.of(), List.of(), false, false);
	}

	static Shape bool() {
		return of(Kind.BOOLEAN, "Boolean", null);
	}

	static Shape string() {
		return of(Kind.STRING, "String", null);
	}

	static Shape integer() {
		return of(Kind.INTEGER, "Integer", null);
	}

	static Shape longInteger() {
		return of(Kind.LONG, "Long", null);
	}

	static Shape blob() {
		return of(Kind.BLOB, "ByteBuffer", null);
	}

	static Shape list(Shape element) {
		return of(Kind.LIST, "List", element);
	}

	static Shape parameterizedList(Shape element) {
		return of(Kind.PARAMETERIZED_LIST, "List", element);
	}

	/**
	 * A map member of a structure.
	 * @param valueType the Java type of the values, as the deserializer names it: a
	 * simple name is one of DynamoDB's model classes
	 * @param element the shape of the values
	 * @return the shape
	 */
	static Shape map(String valueType, Shape element) {
		return of(Kind.MAP, valueType, element);
	}

	static Shape parameterizedMap(Shape element) {
		return of(Kind.PARAMETERIZED_MAP, "AttributeValue", element);
	}

	static Shape struct(String type) {
		return of(Kind.VALUE_STRUCT, type, null);
	}

	static Shape field(String type) {
		return of(Kind.FIELD_STRUCT, type, null);
	}

	static Shape attributeValue() {
		return of(Kind.ATTRIBUTE_VALUE, "AttributeValue", null);
	}

	static Shape attributeField() {
		return of(Kind.ATTRIBUTE_FIELD, "AttributeValue", null);
	}

	/**
	 * Adds a member to a structure; members are checked in the order they are added.
	 * @param name the member name
	 * @param shape its shape
	 * @return the new shape
	 */
	Shape with(String name, Shape shape) {
		Map<String, Shape> copy = new LinkedHashMap<>(this.members);
		copy.put(name, shape);
		return new Shape(this.kind, this.typeName, this.element, Collections.unmodifiableMap(copy), this.constraints,
				this.keyConstraints, this.valueConstraints, this.required, this.tableName);
	}

	private Shape constrained(Constraint constraint) {
		return new Shape(this.kind, this.typeName, this.element, this.members, append(this.constraints, constraint),
				this.keyConstraints, this.valueConstraints, this.required, this.tableName);
	}

	private static List<Constraint> append(List<Constraint> list, Constraint constraint) {
		List<Constraint> copy = new ArrayList<>(list);
		copy.add(constraint);
		return List.copyOf(copy);
	}

	Shape notNull() {
		return constrained(Constraint.notNull());
	}

	Shape min(long minimum) {
		return constrained(Constraint.atLeast(minimum));
	}

	Shape max(long maximum) {
		return constrained(Constraint.atMost(maximum));
	}

	Shape pattern(String regex) {
		return constrained(Constraint.pattern(regex));
	}

	Shape minLength(int minimum) {
		return constrained(Constraint.minLength(minimum));
	}

	Shape maxLength(int maximum) {
		return constrained(Constraint.maxLength(maximum));
	}

	Shape oneOf(String... values) {
		return constrained(Constraint.oneOf(values));
	}

	/**
	 * Constrains the keys of a map; a failing key is reported as "Map keys must satisfy
	 * constraint: [...]" with every constraint's words.
	 * @param keys the constraints of each key
	 * @return the new shape
	 */
	Shape keys(Constraint... keys) {
		return new Shape(this.kind, this.typeName, this.element, this.members, this.constraints, List.of(keys),
				this.valueConstraints, this.required, this.tableName);
	}

	/**
	 * Constrains the values of a map; a failing value is reported as "Map value must
	 * satisfy constraint: [...]".
	 * @param values the constraints of each value
	 * @return the new shape
	 */
	Shape values(Constraint... values) {
		return new Shape(this.kind, this.typeName, this.element, this.members, this.constraints, this.keyConstraints,
				List.of(values), this.required, this.tableName);
	}

	/**
	 * Marks a top-level member as required: its absence is reported alone, before any
	 * constraint ("The parameter 'X' is required but was not present in the request").
	 * @return the new shape
	 */
	Shape required() {
		return new Shape(this.kind, this.typeName, this.element, this.members, this.constraints, this.keyConstraints,
				this.valueConstraints, true, this.tableName);
	}

	/**
	 * Marks a top-level member as a table name whose length is reported alone, before any
	 * constraint, as the table operations do.
	 * @return the new shape
	 */
	Shape tableName() {
		return new Shape(this.kind, this.typeName, this.element, this.members, this.constraints, this.keyConstraints,
				this.valueConstraints, this.required, true);
	}

	Kind kind() {
		return this.kind;
	}

	String typeName() {
		return this.typeName;
	}

	/**
	 * Returns the shape of the elements of a list or the values of a map.
	 * @return the element shape
	 * @throws IllegalStateException if this shape has no elements
	 */
	Shape element() {
		if (this.element == null) {
			throw new IllegalStateException(this.kind + " has no elements");
		}
		return this.element;
	}

	Map<String, Shape> members() {
		return this.members;
	}

	List<Constraint> constraints() {
		return this.constraints;
	}

	List<Constraint> keyConstraints() {
		return this.keyConstraints;
	}

	List<Constraint> valueConstraints() {
		return this.valueConstraints;
	}

	boolean isRequired() {
		return this.required;
	}

	boolean isTableName() {
		return this.tableName;
	}

	boolean hasElements() {
		return this.element != null;
	}

}
