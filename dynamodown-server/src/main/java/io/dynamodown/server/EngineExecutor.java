package io.dynamodown.server;

import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.engine.Engine;
import io.dynamodown.server.internal.protocol.RequestExecutor;

/**
 * Serves the {@code DynamoDB_20120810} and {@code DynamoDBStreams_20120810} targets with
 * an {@link Engine}, on one endpoint, as DynamoDB Local does.
 */
final class EngineExecutor implements RequestExecutor {

	static final String TARGET = "DynamoDB_20120810";

	static final String STREAMS_TARGET = "DynamoDBStreams_20120810";

	private final Engine engine;

	EngineExecutor(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Set<String> operations(String target) {
		if (TARGET.equals(target)) {
			return Engine.OPERATIONS;
		}
		return STREAMS_TARGET.equals(target) ? Engine.STREAMS_OPERATIONS : Set.of();
	}

	@Override
	public Map<String, Object> execute(String target, String operation, Map<String, Object> body, String account) {
		return this.engine.execute(operation, body, account);
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
