package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A mutable copy of an item that an update changes in place. Maps are
 * {@code LinkedHashMap}s, lists are {@code ArrayList}s, anything else stays an
 * {@link AttributeValue}.
 * <p>
 * Every list index of one update refers to the list as it was before the update, as
 * DynamoDB has it: a removed element leaves a hole and an element set past the end of a
 * list fills a padded place; holes and padding close up when the item is read back.
 */
final class Document {

	private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

	private final Map<String, @Nullable Object> root;

	Document(Map<String, AttributeValue> item) {
		this.root = new LinkedHashMap<>();
		item.forEach((name, value) -> this.root.put(name, thaw(value)));
	}

	/**
	 * Returns the value at a path.
	 * @param path the path
	 * @return the value, or {@code null} if there is none
	 * @throws DynamoDbError if the path's parent is not a map or list as the path expects
	 */
	@Nullable AttributeValue get(DocumentPath path) {
		Object node = child(parent(path), path.last());
		return (node != null) ? freeze(node) : null;
	}

	/**
	 * Sets the value at a path; an index past the end of a list appends.
	 * @param path the path
	 * @param value the value
	 * @throws DynamoDbError if the path's parent is not a map or list as the path expects
	 */
	@SuppressWarnings("unchecked")
	void set(DocumentPath path, AttributeValue value) {
		Object parent = parent(path);
		Object key = path.last();
		if (parent instanceof Map) {
			((Map<String, @Nullable Object>) parent).put((String) key, thaw(value));
			return;
		}
		List<@Nullable Object> list = (List<@Nullable Object>) parent;
		int index = (Integer) key;
		while (list.size() <= index) {
			list.add(null);
		}
		list.set(index, thaw(value));
	}

	/**
	 * Removes the value at a path, if there is one.
	 * @param path the path
	 * @throws DynamoDbError if the path's parent is not a map or list as the path expects
	 */
	@SuppressWarnings("unchecked")
	void remove(DocumentPath path) {
		Object parent = parent(path);
		Object key = path.last();
		if (parent instanceof Map) {
			((Map<String, @Nullable Object>) parent).remove(key);
			return;
		}
		List<@Nullable Object> list = (List<@Nullable Object>) parent;
		int index = (Integer) key;
		if (index < list.size()) {
			list.set(index, null);
		}
	}

	Map<String, AttributeValue> toItem() {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		this.root.forEach((name, node) -> {
			if (node != null) {
				item.put(name, freeze(node));
			}
		});
		return item;
	}

	private Object parent(DocumentPath path) {
		Object node = this.root;
		for (int i = 0; i < path.length() - 1 && node != null; i++) {
			node = child(node, path.elements().get(i));
		}
		boolean index = path.last() instanceof Integer;
		if (node == null || (index ? !(node instanceof List) : !(node instanceof Map))) {
			throw DynamoDbError.validation(INVALID_PATH);
		}
		return node;
	}

	private static @Nullable Object child(Object node, Object key) {
		if (key instanceof Integer) {
			if (!(node instanceof List)) {
				return null;
			}
			List<?> list = (List<?>) node;
			int index = (Integer) key;
			return (index < list.size()) ? list.get(index) : null;
		}
		return (node instanceof Map) ? ((Map<?, ?>) node).get(key) : null;
	}

	private static Object thaw(AttributeValue value) {
		if (value.type() == AttributeValue.Type.M) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			value.asMap().forEach((name, element) -> map.put(name, thaw(element)));
			return map;
		}
		if (value.type() == AttributeValue.Type.L) {
			List<@Nullable Object> list = new ArrayList<>();
			value.asList().forEach((element) -> list.add(thaw(element)));
			return list;
		}
		return value;
	}

	private static AttributeValue freeze(Object node) {
		if (node instanceof Map) {
			Map<String, AttributeValue> map = new LinkedHashMap<>();
			((Map<?, ?>) node).forEach((name, element) -> {
				if (element != null) {
					map.put((String) name, freeze(element));
				}
			});
			return AttributeValue.m(map);
		}
		if (node instanceof List) {
			List<AttributeValue> list = new ArrayList<>();
			for (Object element : (List<?>) node) {
				if (element != null) {
					list.add(freeze(element));
				}
			}
			return AttributeValue.l(list);
		}
		return (AttributeValue) node;
	}

}
