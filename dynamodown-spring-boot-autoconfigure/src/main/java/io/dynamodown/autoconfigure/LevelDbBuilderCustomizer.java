package io.dynamodown.autoconfigure;

import io.dynamodown.LevelDbBuilder;

/**
 * Adds what the context offers (an observation registry and convention) to the store's
 * builder after the {@code dynamodown.*} properties, without the store's bean method
 * naming optional types.
 */
@FunctionalInterface
interface LevelDbBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder to customize
	 */
	void customize(LevelDbBuilder builder);

}
