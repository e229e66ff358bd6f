package io.dynamodown.boot.testcontainers;

import java.nio.charset.StandardCharsets;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DynamoDbLocalContainerConnectionDetailsFactory}. Skipped when no
 * Docker engine is available.
 */
@SpringJUnitConfig
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "dynamodown.table=containers")
class DynamoDbLocalContainerConnectionDetailsFactoryTests {

	@Container
	@ServiceConnection
	static final GenericContainer<?> dynamoDb = new GenericContainer<>("amazon/dynamodb-local:2.6.1")
		.withExposedPorts(DynamoDbLocalContainerConnectionDetailsFactory.PORT);

	@Autowired
	private DynamoDbConnectionDetails connectionDetails;

	@Autowired
	private LevelDb levelDb;

	@Test
	void connectionDetailsPointAtTheContainer() {
		assertThat(this.connectionDetails.getEndpoint())
			.hasPort(dynamoDb.getMappedPort(DynamoDbLocalContainerConnectionDetailsFactory.PORT));
		this.levelDb.put("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
		assertThat(this.levelDb.get("k".getBytes(StandardCharsets.UTF_8))).isPresent();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(LevelDbAutoConfiguration.class)
	static class TestConfiguration {

	}

}
