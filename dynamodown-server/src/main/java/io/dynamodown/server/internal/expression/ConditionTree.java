package io.dynamodown.server.internal.expression;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A condition's tree, the top-level attributes it refers to and those of which it names a
 * nested part.
 */
final class ConditionTree implements Condition {

	private final ConditionNode root;

	private final Set<String> attributes;

	private final Set<String> nestedAttributes;

	ConditionTree(ConditionNode root, Set<String> attributes, Set<String> nestedAttributes) {
		this.root = root;
		this.attributes = Collections.unmodifiableSet(new LinkedHashSet<>(attributes));
		this.nestedAttributes = Collections.unmodifiableSet(new LinkedHashSet<>(nestedAttributes));
	}

	ConditionNode root() {
		return this.root;
	}

	@Override
	public boolean test(Map<String, AttributeValue> item) {
		return this.root.test(item);
	}

	@Override
	public Set<String> topLevelAttributes() {
		return this.attributes;
	}

	@Override
	public Set<String> nestedTopLevelAttributes() {
		return this.nestedAttributes;
	}

}
