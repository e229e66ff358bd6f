package io.dynamodown.internal.storage;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a range's next page starts; opaque outside the storage layer.
 */
public final class Continuation {

	private final Map<String, AttributeValue> startKey;

	Continuation(Map<String, AttributeValue> startKey) {
		this.startKey = startKey;
	}

	Map<String, AttributeValue> startKey() {
		return this.startKey;
	}

}
