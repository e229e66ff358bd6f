package io.dynamodown.boot.test.context;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Spring TestContext {@link ContextCustomizerFactory} that gives every test application
 * context with {@code dynamodown.embedded.enabled=true} (and neither
 * {@code dynamodown.embedded.path} nor a non-zero {@code dynamodown.embedded.port}) the
 * same in-memory {@link io.dynamodown.embedded.EmbeddedDynamoDb}, instead of one server
 * per context (see {@link SharedEmbeddedDynamoDbContextCustomizer}). Registered in
 * {@code META-INF/spring.factories}, so adding this module to the tests' class path is
 * all it takes.
 */
class SharedEmbeddedDynamoDbContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new SharedEmbeddedDynamoDbContextCustomizer();
	}

}
