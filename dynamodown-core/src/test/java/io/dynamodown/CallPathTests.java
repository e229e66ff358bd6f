package io.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.dynamodown.support.LocalDynamo;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call goes one way down: the files of the store's code on the stack when a request is
 * sent, from the facade to the request. A point operation's each stand there once, at
 * most eight of them; below the entry point, the storage's retry loop and parallel runner
 * call back into the storage, never up into the entry point or the facade.
 */
class CallPathTests {

	private static final List<String> PUT_PATH = List.of("DynamoLevelDb", "StoreEngine", "DynamoStorage",
			"RequestRunner", "Operation");

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aPutGoesFromTheFacadeThroughTheEntryPointAndTheStorageToTheRequest(boolean observed) {
		assertThat(pathsOf(observed, (db) -> db.put(utf8("k"), utf8("v")))).containsExactly(PUT_PATH);
		assertThat(pathsOf(observed, (db) -> db.sublevel("s").put(utf8("k"), utf8("v"), Duration.ofHours(1))))
			.containsExactly(PUT_PATH);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void pointOperationsEnterEachFileOnTheirWayDownOnce(boolean observed) {
		List<Consumer<LevelDb>> operations = List.of((db) -> db.get(utf8("k")), (db) -> db.delete(utf8("k")),
				(db) -> db.batch().put(utf8("a"), utf8("v")).write(), (db) -> db.tableStatus());
		for (Consumer<LevelDb> operation : operations) {
			assertThat(pathsOf(observed, operation)).singleElement()
				.satisfies((path) -> assertThat(path).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(8));
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void nothingBelowTheEntryPointCallsBackUpIntoItOrTheFacade(boolean observed) {
		List<Consumer<LevelDb>> operations = List.of((db) -> db.getMany(List.of(utf8("a"), utf8("b"))),
				(db) -> db.putIfAbsent(utf8("k"), utf8("v")), (db) -> db.replace(utf8("k"), utf8("v"), utf8("w")),
				(db) -> db.delete(utf8("k"), utf8("w")),
				(db) -> db.bulk().put(utf8("a"), utf8("v")).delete(utf8("b")).write(), (db) -> db.clear(Range.all()),
				(db) -> db.approximateSize(Range.all()));
		for (Consumer<LevelDb> operation : operations) {
			assertThat(pathsOf(observed, operation)).isNotEmpty().allSatisfy((path) -> {
				assertThat(path.subList(0, 2)).containsAnyOf("DynamoLevelDb", "CollectingBatch")
					.contains("StoreEngine");
				assertThat(path.subList(2, path.size())).doesNotContain("DynamoLevelDb", "CollectingBatch",
						"StoreLifecycle", "StoreEngine");
			});
		}
	}

	/**
	 * The path of each request an operation sends: the source files of the store's frames
	 * on the stack, from the facade down, a file entered again standing twice.
	 */
	private static List<List<String>> pathsOf(boolean observed, Consumer<LevelDb> operation) {
		List<List<String>> paths = new CopyOnWriteArrayList<>();
		List<Boolean> recording = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (!recording.isEmpty()) {
					paths.add(pathOf(new Throwable().getStackTrace()));
				}
			}

		};
		try (DynamoDbClient client = LocalDynamo.server()
			.clientBuilder()
			.overrideConfiguration((c) -> c.addExecutionInterceptor(recorder))
			.build()) {
			LevelDbBuilder builder = LevelDb.builder(client).table(LocalDynamo.freshTable());
			if (observed) {
				builder.observationRegistry(TestObservationRegistry.create());
			}
			try (LevelDb db = builder.open()) {
				db.put(utf8("k"), utf8("v"));
				recording.add(true);
				operation.accept(db);
			}
		}
		return paths;
	}

	private static List<String> pathOf(StackTraceElement[] stack) {
		List<String> path = new ArrayList<>();
		for (int i = stack.length - 1; i >= 0; i--) {
			StackTraceElement frame = stack[i];
			String file = String.valueOf(frame.getFileName()).replace(".java", "");
			boolean ours = frame.getClassName().startsWith("io.dynamodown.")
					&& !frame.getClassName().startsWith(CallPathTests.class.getName());
			if (ours && (path.isEmpty() || !path.get(path.size() - 1).equals(file))) {
				path.add(file);
			}
		}
		return path;
	}

}
