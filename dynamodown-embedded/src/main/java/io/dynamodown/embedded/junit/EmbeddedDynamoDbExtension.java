package io.dynamodown.embedded.junit;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * JUnit Jupiter extension that starts one {@link EmbeddedDynamoDb} for the whole test run
 * and resolves constructor, lifecycle and test method parameters of these types:
 * <ul>
 * <li>{@link EmbeddedDynamoDb}: the shared server;</li>
 * <li>{@link DynamoDbClient}: the server's shared {@link EmbeddedDynamoDb#client()
 * client}, which tests must not close;</li>
 * <li>{@link TestTable}: a table name unique in the run. All parameters resolved for one
 * test method (its {@code @BeforeEach}, the test itself and its {@code @AfterEach}) get
 * the same name; the next test gets another. After the test the extension deletes the
 * table if it exists. Outside a test method ({@code @BeforeAll}, or the constructor with
 * {@code @TestInstance(PER_CLASS)}), the name belongs to the test class and the table is
 * deleted after all its tests.</li>
 * </ul>
 * <p>
 * The server starts on first use and lives in the root context's store, so it is shared
 * by every test class of the run and JUnit closes it when the run ends (keep the default
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled=true}). Tests share
 * one database: isolate them by table, as {@link TestTable} does.
 * <p>
 * Use it through {@link EmbeddedDynamoDbTest} or
 * {@code @ExtendWith(EmbeddedDynamoDbExtension.class)}.
 */
public final class EmbeddedDynamoDbExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(EmbeddedDynamoDbExtension.class);

	private static final AtomicLong tableCounter = new AtomicLong();

	/**
	 * Creates the extension; JUnit does this for {@code @ExtendWith}.
	 */
	public EmbeddedDynamoDbExtension() {
	}

	/**
	 * Returns the test run's shared server, starting it on first use.
	 * @param context any extension context of the run
	 * @return the running server
	 * @throws IllegalStateException if the server cannot start
	 */
	public static EmbeddedDynamoDb server(ExtensionContext context) {
		Store store = context.getRoot().getStore(NAMESPACE);
		return store.computeIfAbsent(EmbeddedDynamoDb.class, (type) -> EmbeddedDynamoDb.start(),
				EmbeddedDynamoDb.class);
	}

	/**
	 * Resolves parameters in the context of the test method, also for the test class
	 * constructor, so that a {@link TestTable} is fresh for every test instance.
	 * @param rootContext the context of the test class
	 * @return {@link ExtensionContextScope#TEST_METHOD}
	 */
	@Override
	public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
		return ExtensionContextScope.TEST_METHOD;
	}

	/**
	 * Tells whether the parameter is an {@link EmbeddedDynamoDb}, a
	 * {@link DynamoDbClient} or a {@link TestTable}.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return whether this extension resolves the parameter
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == EmbeddedDynamoDb.class || type == DynamoDbClient.class || type == TestTable.class;
	}

	/**
	 * Resolves an {@link EmbeddedDynamoDb}, a {@link DynamoDbClient} or a
	 * {@link TestTable}, starting the server on first use.
	 * @param parameterContext the parameter
	 * @param extensionContext the current context
	 * @return the value for the parameter
	 * @throws IllegalStateException if the server cannot start
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (type == TestTable.class) {
			return extensionContext.getStore(NAMESPACE)
				.computeIfAbsent(tableKey(extensionContext), (key) -> newTestTable(), TestTable.class);
		}
		EmbeddedDynamoDb server = server(extensionContext);
		return (type == DynamoDbClient.class) ? server.client() : server;
	}

	/**
	 * Deletes the table handed out for the test method, if it exists.
	 * @param context the test method's context
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		deleteTable(context);
	}

	/**
	 * Deletes the table handed out for the test class, if it exists.
	 * @param context the test class's context
	 */
	@Override
	public void afterAll(ExtensionContext context) {
		deleteTable(context);
	}

	private static void deleteTable(ExtensionContext context) {
		TestTable table = context.getStore(NAMESPACE).remove(tableKey(context), TestTable.class);
		if (table == null) {
			return;
		}
		try {
			server(context).client().deleteTable((request) -> request.tableName(table.name()));
		}
		catch (ResourceNotFoundException ex) {
			// The test did not create it, or deleted it itself.
		}
	}

	/**
	 * Keys a table by the context it was handed out in: stores also answer for their
	 * parents' keys, and a test method must not receive its class's table.
	 */
	private static String tableKey(ExtensionContext context) {
		return TestTable.class.getName() + ":" + context.getUniqueId();
	}

	private static TestTable newTestTable() {
		String random = Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
		return new TestTable("t-" + tableCounter.incrementAndGet() + "-" + random);
	}

}
