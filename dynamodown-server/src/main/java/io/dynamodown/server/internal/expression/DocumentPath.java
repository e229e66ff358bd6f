package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute name, then map keys
 * ({@code String}) and list indexes ({@code Integer}).
 */
final class DocumentPath implements Operand {

	private final List<Object> elements;

	private DocumentPath(List<Object> elements) {
		this.elements = Collections.unmodifiableList(new ArrayList<>(elements));
	}

	static DocumentPath of(List<Object> elements) {
		return new DocumentPath(elements);
	}

	static DocumentPath attribute(String name) {
		return new DocumentPath(List.of(name));
	}

	String head() {
		return (String) this.elements.get(0);
	}

	List<Object> elements() {
		return this.elements;
	}

	int length() {
		return this.elements.size();
	}

	boolean isNested() {
		return this.elements.size() > 1;
	}

	DocumentPath parent() {
		return new DocumentPath(this.elements.subList(0, this.elements.size() - 1));
	}

	Object last() {
		return this.elements.get(this.elements.size() - 1);
	}

	/**
	 * Returns the value at this path, or {@code null} when some part of the path is
	 * missing or is not a map or list as the path expects.
	 */
	@Override
	public @Nullable AttributeValue evaluate(Map<String, AttributeValue> item) {
		AttributeValue value = item.get(head());
		for (int i = 1; i < this.elements.size() && value != null; i++) {
			value = child(value, this.elements.get(i));
		}
		return value;
	}

	private static @Nullable AttributeValue child(AttributeValue value, Object element) {
		if (element instanceof Integer) {
			int index = (Integer) element;
			if (value.type() != AttributeValue.Type.L) {
				return null;
			}
			List<AttributeValue> list = value.asList();
			return (index < list.size()) ? list.get(index) : null;
		}
		return (value.type() == AttributeValue.Type.M) ? value.asMap().get(element) : null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DocumentPath && ((DocumentPath) other).elements.equals(this.elements);
	}

	@Override
	public int hashCode() {
		return this.elements.hashCode();
	}

	/**
	 * Returns the path as DynamoDB's messages show it: {@code [a, b, [2], c]}.
	 */
	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		for (Object element : this.elements) {
			parts.add((element instanceof Integer) ? "[" + element + "]" : (String) element);
		}
		return "[" + String.join(", ", parts) + "]";
	}

}
