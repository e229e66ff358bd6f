package io.dynamodown.embedded.junit;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedDynamoDbExtension} as tests use it.
 */
@EmbeddedDynamoDbTest
class EmbeddedDynamoDbExtensionTests {

	private static final Set<String> tableNamesSeen = new HashSet<>();

	private final EmbeddedDynamoDb constructorServer;

	private final TestTable constructorTable;

	private TestTable beforeEachTable;

	EmbeddedDynamoDbExtensionTests(EmbeddedDynamoDb server, TestTable table) {
		this.constructorServer = server;
		this.constructorTable = table;
	}

	@BeforeEach
	void createTable(DynamoDbClient client, TestTable table) {
		this.beforeEachTable = table;
		client.createTable((request) -> request.tableName(table.name())
			.keySchema((key) -> key.attributeName("hkey").keyType(KeyType.HASH))
			.attributeDefinitions((attribute) -> attribute.attributeName("hkey").attributeType(ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	@Test
	void resolvesTheSharedServerAndItsClient(EmbeddedDynamoDb server, DynamoDbClient client) {
		assertThat(server).isSameAs(this.constructorServer);
		assertThat(client).isSameAs(server.client());
		assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void resolvesOneTableNamePerTestMethod(TestTable table, TestTable again) {
		assertThat(table).isEqualTo(again).isEqualTo(this.beforeEachTable).isEqualTo(this.constructorTable);
	}

	@RepeatedTest(3)
	void eachTestGetsAFreshTable(TestTable table, DynamoDbClient client) {
		assertThat(tableNamesSeen.add(table.name())).as("new name %s", table).isTrue();
		assertThat(table.name()).matches("[a-zA-Z0-9_.-]{3,255}");
		assertThat(client.scan((request) -> request.tableName(table.name())).items()).isEmpty();
		client.putItem((request) -> request.tableName(table.name()).item(Map.of("hkey", AttributeValue.fromS("!"))));
	}

	@Nested
	class NestedTests {

		@Test
		void sharesTheServerWithTheEnclosingClass(EmbeddedDynamoDb server) {
			assertThat(server).isSameAs(EmbeddedDynamoDbExtensionTests.this.constructorServer);
		}

	}

}
