package io.dynamodown.server;

import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.engine.Engine;
import io.dynamodown.server.internal.protocol.RequestExecutor;

/**
 * Serves the {@code DynamoDB_20120810} target with an {@link Engine}.
 */
final class EngineExecutor implements RequestExecutor {

	static final String TARGET = "DynamoDB_20120810";

	private final Engine engine;

	EngineExecutor(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Set<String> operations(String target) {
		return TARGET.equals(target) ? Engine.OPERATIONS : Set.of();
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
