package io.dynamodown.boot.autoconfigure.health;

import java.util.Optional;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.autoconfigure.changes.LevelDbChangeSubscriptions;
import io.dynamodown.boot.health.LevelDbHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link LevelDbHealthIndicator}: a health contributor named
 * {@code dynamodown}, one {@link LevelDbHealthIndicator} for a single {@link LevelDb}
 * bean, or a composite keyed by bean name for several, each checked through its own
 * store; a store's change subscription ({@link LevelDbChangeSubscriptions}) is part of
 * its health. Switched off with {@code management.health.dynamodown.enabled=false}.
 */
@AutoConfiguration(after = LevelDbAutoConfiguration.class)
@ConditionalOnClass({ LevelDb.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(LevelDb.class)
public final class LevelDbHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<LevelDbHealthIndicator, LevelDb> {

	LevelDbHealthContributorAutoConfiguration(ObjectProvider<LevelDbChangeSubscriptions> subscriptions) {
		super((store) -> new LevelDbHealthIndicator(store, () -> {
			LevelDbChangeSubscriptions changes = subscriptions.getIfAvailable();
			return (changes != null) ? changes.subscription(store) : Optional.empty();
		}));
	}

	// On the method: the condition's class is not loadable without spring-boot-health.
	@Bean
	@ConditionalOnEnabledHealthIndicator("dynamodown")
	@ConditionalOnMissingBean(name = { "dynamodownHealthIndicator", "dynamodownHealthContributor" })
	HealthContributor dynamodownHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, LevelDb.class);
	}

}
