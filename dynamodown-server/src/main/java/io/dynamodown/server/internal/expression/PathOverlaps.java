package io.dynamodown.server.internal.expression;

import java.util.ArrayList;
import java.util.List;

import io.dynamodown.server.internal.expression.Findings.Kind;

/**
 * Checks that the document paths an update or projection expression names do not overlap
 * (one contains the other) or conflict (one attribute used both as a map and as a list),
 * with DynamoDB's messages.
 */
final class PathOverlaps {

	private final List<DocumentPath> paths = new ArrayList<>();

	private final Findings findings;

	PathOverlaps(Findings findings) {
		this.findings = findings;
	}

	void add(DocumentPath path) {
		for (DocumentPath earlier : this.paths) {
			compare(earlier, path);
			if (this.findings.has(Kind.OVERLAP)) {
				return;
			}
		}
		this.paths.add(path);
	}

	private void compare(DocumentPath one, DocumentPath two) {
		int common = Math.min(one.length(), two.length());
		for (int i = 0; i < common; i++) {
			Object a = one.elements().get(i);
			Object b = two.elements().get(i);
			if (a.getClass() != b.getClass()) {
				this.findings.record(Kind.CONFLICT, "Two document paths conflict with each other; "
						+ "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
				return;
			}
			if (!a.equals(b)) {
				return;
			}
		}
		this.findings.record(Kind.OVERLAP, "Two document paths overlap with each other; "
				+ "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
	}

}
