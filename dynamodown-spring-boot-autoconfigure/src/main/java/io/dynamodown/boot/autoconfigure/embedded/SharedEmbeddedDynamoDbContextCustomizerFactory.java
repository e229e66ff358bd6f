package io.dynamodown.boot.autoconfigure.embedded;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Spring TestContext {@link ContextCustomizerFactory} that gives every test application
 * context with {@code dynamodown.embedded.enabled=true} (and neither
 * {@code dynamodown.embedded.path} nor a {@code dynamodown.embedded.port}) the same
 * in-memory {@link io.dynamodown.embedded.EmbeddedDynamoDb}: one server per JVM, started
 * by the first such context and stopped when the JVM exits, instead of one per context.
 * The server keeps a database per access key id, and each context connects with an access
 * key id of its own ({@code testcontext<n>}), so tests in different contexts never see
 * each other's tables or data while table names and hash keys stay as configured.
 * Registered in {@code META-INF/spring.factories}; it does nothing without
 * {@code dynamodown-embedded} on the class path.
 */
class SharedEmbeddedDynamoDbContextCustomizerFactory implements ContextCustomizerFactory {

	private static final boolean EMBEDDED_PRESENT = ClassUtils.isPresent("io.dynamodown.embedded.EmbeddedDynamoDb",
			SharedEmbeddedDynamoDbContextCustomizerFactory.class.getClassLoader());

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return EMBEDDED_PRESENT ? new SharedServerCustomizer() : null;
	}

	/**
	 * Registers this context's view of the JVM's shared server in a context that enables
	 * the embedded server; the auto-configuration starts the server only if the context
	 * uses it.
	 */
	private static final class SharedServerCustomizer implements ContextCustomizer {

		private static final AtomicInteger contexts = new AtomicInteger();

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ConfigurableEnvironment environment = context.getEnvironment();
			if (!environment.getProperty("dynamodown.embedded.enabled", Boolean.class, false)
					|| environment.containsProperty("dynamodown.embedded.path")
					|| environment.getProperty("dynamodown.embedded.port", Integer.class, 0) != 0) {
				return;
			}
			context.getBeanFactory()
				.registerSingleton("sharedEmbeddedDynamoDb",
						new SharedEmbeddedDynamoDb("testcontext" + contexts.incrementAndGet()));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
