package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A checked projection (a {@code ProjectionExpression} or {@code AttributesToGet}): the
 * document paths to return of an item.
 */
public final class Projection {

	private final List<DocumentPath> paths;

	Projection(List<DocumentPath> paths) {
		this.paths = List.copyOf(paths);
	}

	/**
	 * Returns the parts of an item the projection names, as DynamoDB does: nested maps
	 * keep only the named keys and lists only the named elements, in index order; paths
	 * the item does not have are left out.
	 * @param item the item
	 * @return the projected item
	 */
	public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
		Map<Object, Object> root = new LinkedHashMap<>();
		for (DocumentPath path : this.paths) {
			AttributeValue value = path.evaluate(item);
			if (value != null) {
				put(root, path.elements(), value);
			}
		}
		Map<String, AttributeValue> projected = new LinkedHashMap<>();
		root.forEach((name, node) -> projected.put((String) name, freeze(node)));
		return projected;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<Object, Object> root, List<Object> elements, AttributeValue value) {
		Map<Object, Object> node = root;
		for (int i = 0; i < elements.size() - 1; i++) {
			boolean list = elements.get(i + 1) instanceof Integer;
			node = (Map<Object, Object>) node.computeIfAbsent(elements.get(i),
					(key) -> list ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>());
		}
		node.put(elements.get(elements.size() - 1), value);
	}

	private static AttributeValue freeze(Object node) {
		if (node instanceof TreeMap) {
			List<AttributeValue> elements = new ArrayList<>();
			((TreeMap<?, ?>) node).values().forEach((element) -> elements.add(freeze(element)));
			return AttributeValue.l(elements);
		}
		if (node instanceof Map) {
			Map<String, AttributeValue> map = new LinkedHashMap<>();
			((Map<?, ?>) node).forEach((name, element) -> map.put((String) name, freeze(element)));
			return AttributeValue.m(map);
		}
		return (AttributeValue) node;
	}

	/**
	 * Returns the top-level attributes the projection names.
	 * @return the attribute names, in the order of the projection
	 */
	public Set<String> topLevelAttributes() {
		Set<String> attributes = new LinkedHashSet<>();
		this.paths.forEach((path) -> attributes.add(path.head()));
		return Collections.unmodifiableSet(attributes);
	}

	/**
	 * Returns the top-level attributes of which the projection names a nested part, for
	 * DynamoDB's check that key attributes are not read as maps or lists.
	 * @return the attribute names
	 */
	public Set<String> nestedTopLevelAttributes() {
		Set<String> attributes = new LinkedHashSet<>();
		this.paths.stream().filter(DocumentPath::isNested).forEach((path) -> attributes.add(path.head()));
		return Collections.unmodifiableSet(attributes);
	}

}
