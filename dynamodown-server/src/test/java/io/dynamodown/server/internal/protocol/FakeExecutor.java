package io.dynamodown.server.internal.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An executor that records its calls and answers with a function of the call; by default
 * an empty table list.
 */
final class FakeExecutor implements RequestExecutor {

	static final String DYNAMODB = "DynamoDB_20120810";

	static final String STREAMS = "DynamoDBStreams_20120810";

	final List<Call> calls = new CopyOnWriteArrayList<>();

	volatile Function<Call, Map<String, Object>> answer = (call) -> Map.of("TableNames", List.of());

	volatile boolean closed;

	@Override
	public Set<String> operations(String target) {
		return switch (target) {
			case DYNAMODB -> Set.of("ListTables", "GetItem", "PutItem", "TransactWriteItems");
			case STREAMS -> Set.of("ListStreams");
			default -> Set.of();
		};
	}

	@Override
	public Map<String, Object> execute(String target, String operation, Map<String, Object> body, String account) {
		Call call = new Call(target, operation, body, account, Thread.currentThread().getName());
		this.calls.add(call);
		return this.answer.apply(call);
	}

	@Override
	public void close() {
		this.closed = true;
	}

	record Call(String target, String operation, Map<String, Object> body, String account, String thread) {
	}

}
