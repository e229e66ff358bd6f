package io.dynamodown.boot.autoconfigure.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.InvalidDynamoDownPropertyException;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.autoconfigure.changes.LevelDbChangeSubscriptions.Target;
import io.dynamodown.boot.autoconfigure.metrics.LevelDbMetricsAutoConfiguration;
import io.dynamodown.boot.changes.ChangeSubscriptionName;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import io.dynamodown.boot.changes.LevelDbChangeListenerDecorator;
import io.dynamodown.boot.micrometer.MicrometerChangeListenerDecorator;
import io.dynamodown.boot.micrometer.ObservationChangeListenerDecorator;
import io.dynamodown.changes.SubscriptionOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the change feed: subscribes the {@link LevelDbChangeListener}
 * beans through {@link LevelDbChangeSubscriptions}, started once the context is refreshed
 * and stopped before the stores close. The listeners of one store share one subscription
 * under the consumer name {@code dynamodown.changes.consumer} (by default
 * {@code spring.application.name}), called in {@code @Order}. A listener qualified with
 * the name of an entry of {@code dynamodown.stores.<name>} (or with a store's bean name)
 * listens to that store, any other to the single or primary store. With Micrometer, the
 * deliveries are measured and observed ({@link MicrometerChangeListenerDecorator},
 * {@link ObservationChangeListenerDecorator}). Switched off with
 * {@code dynamodown.changes.enabled=false}.
 */
@AutoConfiguration(after = { LevelDbAutoConfiguration.class, LevelDbMetricsAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(LevelDb.class)
@ConditionalOnBean({ LevelDb.class, LevelDbChangeListener.class })
@ConditionalOnBooleanProperty(name = "dynamodown.changes.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LevelDbChangesProperties.class)
public final class LevelDbChangesAutoConfiguration {

	private static final String CONSUMER_PROPERTY = "dynamodown.changes.consumer";

	private static final String APPLICATION_NAME = "spring.application.name";

	@Bean
	@ConditionalOnMissingBean
	LevelDbChangeSubscriptions levelDbChangeSubscriptions(ConfigurableListableBeanFactory beanFactory,
			LevelDbChangesProperties properties, Environment environment,
			ObjectProvider<LevelDbChangeListenerDecorator> decorators) {
		String consumerProperty = (properties.getConsumer() != null) ? CONSUMER_PROPERTY : APPLICATION_NAME;
		String consumer = (properties.getConsumer() != null) ? properties.getConsumer()
				: environment.getProperty(APPLICATION_NAME);
		if (consumer == null) {
			throw new InvalidDynamoDownPropertyException(CONSUMER_PROPERTY, null,
					"must be set, or spring.application.name, to name the consumer of the changes that the "
							+ "LevelDbChangeListener beans receive (instances of one name share the work and its "
							+ "checkpoints)");
		}
		SubscriptionOptions options = properties.toOptions();
		List<LevelDbChangeListenerDecorator> decoratorList = decorators.orderedStream().toList();
		List<Target> targets = new ArrayList<>();
		listenersByStore(beanFactory).forEach((storeName, listeners) -> {
			LevelDb store = beanFactory.getBean(storeName, LevelDb.class);
			ChangeSubscriptionName name = new ChangeSubscriptionName(store.table(), store.hashKey(), consumer);
			LevelDbChangeListener listener = (listeners.size() == 1) ? listeners.get(0)
					: (change) -> listeners.forEach((each) -> each.onChange(change));
			for (int i = decoratorList.size() - 1; i >= 0; i--) {
				listener = decoratorList.get(i).decorate(listener, name);
			}
			targets.add(new Target(storeName, store, name, options, listener, consumerProperty));
		});
		return new LevelDbChangeSubscriptions(targets);
	}

	/**
	 * The listener beans of each store's bean, in order: a listener qualified with a
	 * store's qualifier or bean name goes to that store, any other to the single or
	 * primary store.
	 */
	private static Map<String, List<LevelDbChangeListener>> listenersByStore(
			ConfigurableListableBeanFactory beanFactory) {
		Map<String, Set<String>> qualifiers = storeQualifiers(beanFactory);
		Map<String, List<LevelDbChangeListener>> byStore = new LinkedHashMap<>();
		List<LevelDbChangeListener> listeners = beanFactory.getBeanProvider(LevelDbChangeListener.class)
			.orderedStream()
			.toList();
		Map<String, LevelDbChangeListener> named = beanFactory.getBeansOfType(LevelDbChangeListener.class);
		for (LevelDbChangeListener listener : listeners) {
			String beanName = nameOf(named, listener);
			String store = qualifiers.entrySet()
				.stream()
				.filter((entry) -> BeanFactoryAnnotationUtils.isQualifierMatch(entry.getValue()::contains, beanName,
						beanFactory))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseGet(() -> defaultStore(beanFactory, beanName));
			byStore.computeIfAbsent(store, (key) -> new ArrayList<>()).add(listener);
		}
		return byStore;
	}

	private static String nameOf(Map<String, LevelDbChangeListener> named, LevelDbChangeListener listener) {
		return named.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == listener)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	/** Each store's bean name and qualifier (an entry of dynamodown.stores has both). */
	private static Map<String, Set<String>> storeQualifiers(ConfigurableListableBeanFactory beanFactory) {
		Map<String, Set<String>> qualifiers = new LinkedHashMap<>();
		for (String storeName : beanFactory.getBeanNamesForType(LevelDb.class)) {
			Set<String> names = new LinkedHashSet<>();
			names.add(storeName);
			String qualifier = qualifierOf(beanFactory, storeName);
			if (qualifier != null) {
				names.add(qualifier);
			}
			qualifiers.put(storeName, names);
		}
		return qualifiers;
	}

	private static @Nullable String qualifierOf(ConfigurableListableBeanFactory beanFactory, String beanName) {
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
		if (definition instanceof AbstractBeanDefinition bean) {
			AutowireCandidateQualifier qualifier = bean.getQualifier(Qualifier.class.getName());
			Object value = (qualifier != null) ? qualifier.getAttribute(AutowireCandidateQualifier.VALUE_KEY) : null;
			return (value != null) ? value.toString() : null;
		}
		return null;
	}

	private static String defaultStore(ConfigurableListableBeanFactory beanFactory, String listener) {
		String[] stores = beanFactory.getBeanNamesForType(LevelDb.class);
		if (stores.length == 1) {
			return stores[0];
		}
		for (String store : stores) {
			if (beanFactory.containsBeanDefinition(store) && beanFactory.getBeanDefinition(store).isPrimary()) {
				return store;
			}
		}
		throw new IllegalStateException("The LevelDbChangeListener bean '" + listener + "' names no store: with "
				+ stores.length + " stores and none primary, qualify it with the name of one of "
				+ "dynamodown.stores (@Qualifier(\"orders\")) or a store's bean name");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = "dynamodown.metrics.enabled", matchIfMissing = true)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MicrometerChangeListenerDecorator micrometerChangeListenerDecorator(MeterRegistry registry) {
			return new MicrometerChangeListenerDecorator(registry);
		}

		@Bean
		MeterBinder dynamodownChangeShards(LevelDbChangeSubscriptions subscriptions) {
			return (registry) -> subscriptions.names()
				.forEach((name) -> Gauge
					.builder("dynamodown.changes.shards", subscriptions, (held) -> held.shardsHeld(name))
					.description("Shards of the table's stream this instance holds for the consumer")
					.tags("table", name.table(), "consumer", name.consumer())
					.register(registry));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ObservationChangeListenerDecorator observationChangeListenerDecorator(
				ObjectProvider<ObservationRegistry> registries) {
			return new ObservationChangeListenerDecorator(registries.getIfUnique(() -> ObservationRegistry.NOOP));
		}

	}

}
