package io.dynamodown.autoconfigure;

import java.nio.charset.StandardCharsets;

import io.dynamodown.LevelDb;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedDynamoDbAutoConfiguration}.
 */
class EmbeddedDynamoDbAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class))
		.withPropertyValues("dynamodown.table=embedded");

	@Test
	void embeddedServerIsStartedAndUsedWhenEnabled() {
		this.contextRunner.withPropertyValues("dynamodown.embedded.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedDynamoDb.class);
			EmbeddedDynamoDb server = context.getBean(EmbeddedDynamoDb.class);
			LevelDbConnectionDetails details = context.getBean(LevelDbConnectionDetails.class);
			assertThat(details.getEndpoint()).isEqualTo(server.endpoint());
			assertThat(details.getRegion()).isEqualTo("us-east-1");
			LevelDb db = context.getBean(LevelDb.class);
			db.put(bytes("k"), bytes("v"));
			assertThat(db.get(bytes("k"))).isPresent();
			assertThat(server.client().listTables().tableNames()).contains("embedded");
		});
	}

	@Test
	void embeddedServerIsNotStartedByDefault() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedDynamoDbAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedDynamoDb.class)
				.doesNotHaveBean(LevelDbConnectionDetails.class));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
