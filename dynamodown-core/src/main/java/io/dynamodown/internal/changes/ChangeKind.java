package io.dynamodown.internal.changes;

/**
 * What happened to a key, as the feed decodes it; the public face maps each to the change
 * kind of the same name.
 */
public enum ChangeKind {

	/** A value was written. */
	PUT,

	/** The key was deleted. */
	DELETE,

	/** The key expired and was deleted. */
	EXPIRED

}
