package io.dynamodown.autoconfigure.health;

import io.dynamodown.health.LevelDbHealthIndicator;
import io.dynamodown.LevelDb;
import io.dynamodown.autoconfigure.LevelDbAutoConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link LevelDbHealthIndicator}: a health contributor named
 * {@code dynamodown}, switched off with
 * {@code management.health.dynamodown.enabled=false}.
 */
@AutoConfiguration(after = LevelDbAutoConfiguration.class)
@ConditionalOnClass({ LevelDb.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ LevelDb.class, DynamoDbClient.class })
@ConditionalOnEnabledHealthIndicator("dynamodown")
public final class LevelDbHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "dynamodownHealthIndicator", "dynamodownHealthContributor" })
	LevelDbHealthIndicator dynamodownHealthIndicator(DynamoDbClient client, LevelDb levelDb) {
		return new LevelDbHealthIndicator(client, levelDb);
	}

}
