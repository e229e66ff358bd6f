package io.dynamodown.server.internal.expression;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * A condition's tree and the top-level attributes it refers to.
 */
final class ConditionTree implements Condition {

	private final ConditionNode root;

	private final Set<String> attributes;

	ConditionTree(ConditionNode root, Set<String> attributes) {
		this.root = root;
		this.attributes = Collections.unmodifiableSet(new LinkedHashSet<>(attributes));
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

}
