package io.dynamodown.boot.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbOptions;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties.Store;
import io.dynamodown.boot.autoconfigure.DynamoDownProperties.StoreCompression;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link LevelDb} bean for each entry of {@code dynamodown.stores}: bean
 * name {@code <name>LevelDb}, qualifier {@code <name>}, closed on shutdown. Each store is
 * built as the single store is, on the shared client, retry policy, listeners, clock and
 * customizers, from the shared {@code dynamodown.*} settings with the entry's own table,
 * hash key and overrides. An entry whose bean name the application already uses is left
 * to the application. When the single store is created too ({@code dynamodown.table} is
 * set), it is made the primary {@code LevelDb}. Registered while the auto-configuration
 * is loaded, so that conditions on {@code LevelDb} beans evaluated later see the stores.
 */
final class LevelDbStoresRegistrar implements ImportBeanDefinitionRegistrar {

	static final String PREFIX = "dynamodown.stores";

	static final String SINGLE_STORE_BEAN_NAME = "levelDb";

	/** The keys of an entry, relative to {@code dynamodown.stores.<name>}. */
	static final List<String> ENTRY_KEYS = List.of("table", "hash-key", "shards", "create-if-missing",
			"error-if-exists", "consistent-reads", "read-ahead", "max-value-size", "compression.enabled",
			"compression.codec", "compression.level");

	private final Environment environment;

	private final BeanFactory beanFactory;

	LevelDbStoresRegistrar(Environment environment, BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		BeanFactory factory = this.beanFactory;
		Map<String, Store> stores = stores(this.environment);
		for (Map.Entry<String, Store> entry : stores.entrySet()) {
			String name = entry.getKey();
			String beanName = beanName(name);
			if (registry.containsBeanDefinition(beanName)) {
				continue;
			}
			Store store = entry.getValue();
			RootBeanDefinition definition = new RootBeanDefinition(LevelDb.class);
			definition.setInstanceSupplier(() -> open(factory, name, store));
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
			definition.setDestroyMethodName("close");
			registry.registerBeanDefinition(beanName, definition);
		}
		if (!stores.isEmpty() && registry.containsBeanDefinition(SINGLE_STORE_BEAN_NAME)) {
			registry.getBeanDefinition(SINGLE_STORE_BEAN_NAME).setPrimary(true);
		}
	}

	/**
	 * The bean name of a store.
	 * @param name the store's name, its key under {@code dynamodown.stores}
	 * @return the bean name
	 */
	static String beanName(String name) {
		return name + "LevelDb";
	}

	/**
	 * The entries of {@code dynamodown.stores}.
	 * @param environment the environment
	 * @return the stores by name, in the order they are bound
	 */
	static Map<String, Store> stores(Environment environment) {
		return Binder.get(environment)
			.bind(PREFIX, Bindable.mapOf(String.class, Store.class))
			.orElseGet(LinkedHashMap::new);
	}

	private static LevelDb open(BeanFactory beanFactory, String name, Store store) {
		DynamoDownProperties shared = beanFactory.getBean(DynamoDownProperties.class);
		DynamoDownProperties properties = merge(shared, store);
		LevelDbOptions options;
		try {
			options = PropertiesOptions.options(properties, beanFactory.getBean(RetryPolicy.class));
		}
		catch (InvalidDynamoDownPropertyException ex) {
			throw rename(ex, name, store);
		}
		return LevelDbAutoConfiguration.open(PREFIX + "." + name,
				beanFactory.getBeanProvider(DynamoDbClient.class).getObject(),
				beanFactory.getBeanProvider(DynamoDbStreamsClient.class), options,
				beanFactory.getBeanProvider(RequestListener.class), beanFactory.getBeanProvider(Clock.class),
				beanFactory.getBeanProvider(LevelDbBuilderCustomizer.class));
	}

	/**
	 * The settings of a store: the shared ones, with the entry's table and hash key and
	 * whatever the entry overrides.
	 */
	static DynamoDownProperties merge(DynamoDownProperties shared, Store store) {
		DynamoDownProperties merged = new DynamoDownProperties();
		merged.setTable(store.getTable());
		merged.setHashKey(store.getHashKey());
		merged.setShards(store.getShards());
		merged.setRegion(shared.getRegion());
		merged.setEndpoint(shared.getEndpoint());
		merged.setCreateIfMissing(orElse(store.getCreateIfMissing(), shared.isCreateIfMissing()));
		merged.setErrorIfExists(orElse(store.getErrorIfExists(), shared.isErrorIfExists()));
		merged.setBillingMode(shared.getBillingMode());
		merged.setReadCapacity(shared.getReadCapacity());
		merged.setWriteCapacity(shared.getWriteCapacity());
		merged.setConsistentReads(orElse(store.getConsistentReads(), shared.isConsistentReads()));
		merged.setReadAhead(orElse(store.getReadAhead(), shared.isReadAhead()));
		merged.setConcurrency(shared.getConcurrency());
		merged.setTimeout(shared.getTimeout());
		merged.setAttemptTimeout(shared.getAttemptTimeout());
		merged.setMaxValueSize(orElse(store.getMaxValueSize(), shared.getMaxValueSize()));
		merged.setReadBudget(shared.getReadBudget());
		merged.setCloseTimeout(shared.getCloseTimeout());
		merged.setActiveTimeout(shared.getActiveTimeout());
		DynamoDownProperties.AttributeNames names = shared.getAttributeNames();
		merged.getAttributeNames().setHashKey(names.getHashKey());
		merged.getAttributeNames().setSortKey(names.getSortKey());
		merged.getAttributeNames().setValue(names.getValue());
		merged.getAttributeNames().setTtl(names.getTtl());
		merged.getAttributeNames().setForm(names.getForm());
		StoreCompression compression = store.getCompression();
		merged.getCompression().setEnabled(orElse(compression.getEnabled(), shared.getCompression().isEnabled()));
		merged.getCompression().setCodec(orElse(compression.getCodec(), shared.getCompression().getCodec()));
		merged.getCompression().setLevel(orElse(compression.getLevel(), shared.getCompression().getLevel()));
		return merged;
	}

	/**
	 * Names the entry's property when the invalid value is the entry's own (its table,
	 * its hash key or one it overrides), and leaves the shared property named otherwise.
	 */
	private static InvalidDynamoDownPropertyException rename(InvalidDynamoDownPropertyException ex, String name,
			Store store) {
		Map<String, Boolean> own = new LinkedHashMap<>();
		own.put("table", true);
		own.put("hash-key", true);
		own.put("shards", true);
		own.put("create-if-missing", store.getCreateIfMissing() != null);
		own.put("error-if-exists", store.getErrorIfExists() != null);
		own.put("consistent-reads", store.getConsistentReads() != null);
		own.put("read-ahead", store.getReadAhead() != null);
		own.put("max-value-size", store.getMaxValueSize() != null);
		own.put("compression.enabled", store.getCompression().getEnabled() != null);
		own.put("compression.codec", store.getCompression().getCodec() != null);
		own.put("compression.level", store.getCompression().getLevel() != null);
		String property = ex.getProperty();
		String relative = property.substring(property.indexOf('.') + 1);
		if (!Boolean.TRUE.equals(own.get(relative))) {
			return ex;
		}
		InvalidDynamoDownPropertyException renamed = new InvalidDynamoDownPropertyException(
				PREFIX + "." + name + "." + relative, ex.getValue(), ex.getRule());
		renamed.setStackTrace(ex.getStackTrace());
		return renamed;
	}

	private static <T> T orElse(@Nullable T value, T shared) {
		return (value != null) ? value : shared;
	}

}
