package io.dynamodown.boot.test.context;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.dynamodown.autoconfigure.LevelDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a test application context that enables the embedded server at the JVM's
 * {@link SharedEmbeddedDynamoDb shared server}, with a database of its own: it registers
 * the shared {@link EmbeddedDynamoDb} (never closed with the context) and
 * {@link DynamoDbConnectionDetails} that connect with an access key id of the context's
 * own ({@code testcontext<n>}), so contexts never see each other's tables or data while
 * table names and hash keys stay as configured. The embedded server's auto-configuration
 * backs off from both beans and starts no server of its own. Both are lazy: the shared
 * server starts when the store's client is built, so a context whose application defines
 * its own {@code DynamoDbClient} never starts it.
 */
final class SharedEmbeddedDynamoDbContextCustomizer implements ContextCustomizer {

	static final String SERVER_BEAN_NAME = "sharedEmbeddedDynamoDb";

	static final String CONNECTION_DETAILS_BEAN_NAME = "sharedEmbeddedDynamoDbConnectionDetails";

	private static final AtomicInteger contexts = new AtomicInteger();

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (!usesSharedServer(context.getEnvironment())) {
			return;
		}
		if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("The shared embedded DynamoDB server needs a bean factory that registers "
					+ "bean definitions, but the test context has a " + context.getBeanFactory().getClass().getName());
		}
		String accessKeyId = "testcontext" + contexts.incrementAndGet();
		registry.registerBeanDefinition(SERVER_BEAN_NAME, lazy(EmbeddedDynamoDb.class, SharedEmbeddedDynamoDb::server));
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, lazy(SharedServerConnectionDetails.class,
				() -> new SharedServerConnectionDetails(SharedEmbeddedDynamoDb.server().endpoint(), accessKeyId)));
	}

	/**
	 * Whether a context uses the shared server: it enables the embedded server, keeps its
	 * data in memory and lets it pick a free port.
	 */
	private static boolean usesSharedServer(Environment environment) {
		return environment.getProperty("dynamodown.embedded.enabled", Boolean.class, false)
				&& !environment.containsProperty("dynamodown.embedded.path")
				&& environment.getProperty("dynamodown.embedded.port", Integer.class, 0) == 0;
	}

	private static <T> RootBeanDefinition lazy(Class<T> type, Supplier<T> supplier) {
		RootBeanDefinition definition = new RootBeanDefinition(type, supplier);
		definition.setLazyInit(true);
		// The shared server outlives every context: no close() inferred from
		// AutoCloseable.
		definition.setDestroyMethodName("");
		return definition;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

	/**
	 * {@link DynamoDbConnectionDetails} of one context's database on the shared server,
	 * which accepts any secret and picks the database by access key id.
	 */
	@SuppressWarnings("removal") // the alias, so that injection points of the old type
									// find it
	static final class SharedServerConnectionDetails implements LevelDbConnectionDetails {

		private final URI endpoint;

		private final String accessKeyId;

		SharedServerConnectionDetails(URI endpoint, String accessKeyId) {
			this.endpoint = endpoint;
			this.accessKeyId = accessKeyId;
		}

		@Override
		public URI getEndpoint() {
			return this.endpoint;
		}

		@Override
		public String getRegion() {
			return "us-east-1";
		}

		@Override
		public Credentials getCredentials() {
			return new Credentials(this.accessKeyId, "local");
		}

	}

}
