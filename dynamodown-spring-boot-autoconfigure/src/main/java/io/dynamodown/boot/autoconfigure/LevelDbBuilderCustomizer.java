package io.dynamodown.boot.autoconfigure;

import io.dynamodown.LevelDbBuilder;

/**
 * Callback to customize the {@link LevelDbBuilder} of every store that the starter
 * builds, short of replacing the {@code LevelDb} bean. Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order order} after the {@code dynamodown.*}
 * properties, the retry policy, the {@code RequestListener} beans and the {@code Clock}
 * bean, and after the starter's own customizer (observation, at order 0), so they may
 * change any option of the builder, those set from properties included. Not used when the
 * application defines its own {@code LevelDb} bean.
 */
@FunctionalInterface
public interface LevelDbBuilderCustomizer {

	/**
	 * Customizes the builder of a store before it is opened.
	 * @param builder the builder to customize
	 */
	void customize(LevelDbBuilder builder);

}
