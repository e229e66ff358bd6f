package io.dynamodown.embedded.junit;

import java.util.ArrayList;
import java.util.List;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for what {@link EmbeddedDynamoDbExtension} does between tests and at the end of a
 * test run, observed by running sample test classes in a run of their own.
 */
class EmbeddedDynamoDbExtensionLifecycleTests {

	@Test
	void deletesTheTestTableAfterEachTestAndClosesTheServerAfterTheRun() {
		Recorder.reset();
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(CreatesTables.class), selectClass(AlsoUsesTheServer.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(3).succeeded(3));
		assertThat(Recorder.servers).hasSize(3).containsOnly(Recorder.servers.get(0));
		assertThatIllegalStateException().isThrownBy(() -> Recorder.servers.get(0).client());
	}

	@Test
	void leavesNoErrorWhenATestDoesNotCreateItsTable() {
		Recorder.reset();
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(NeverCreatesTables.class))
			.execute()
			.allEvents()
			.assertStatistics((stats) -> stats.failed(0))
			.assertThatEvents()
			.isNotEmpty();
		assertThat(Recorder.servers).hasSize(1);
	}

	static final class Recorder {

		static final List<EmbeddedDynamoDb> servers = new ArrayList<>();

		static final List<String> tables = new ArrayList<>();

		static void reset() {
			servers.clear();
			tables.clear();
		}

	}

	@EmbeddedDynamoDbTest
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class CreatesTables {

		@Test
		@Order(1)
		void createsItsTable(EmbeddedDynamoDb server, TestTable table) {
			Recorder.servers.add(server);
			Recorder.tables.add(table.name());
			createTable(server.client(), table);
		}

		@Test
		@Order(2)
		void seesThePreviousTableDeleted(EmbeddedDynamoDb server, TestTable table) {
			Recorder.servers.add(server);
			assertThat(table.name()).isNotEqualTo(Recorder.tables.get(0));
			assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
					() -> server.client().describeTable((request) -> request.tableName(Recorder.tables.get(0))));
		}

	}

	@ExtendWith(EmbeddedDynamoDbExtension.class)
	static class AlsoUsesTheServer {

		@Test
		void getsTheSameServer(EmbeddedDynamoDb server) {
			Recorder.servers.add(server);
		}

	}

	@EmbeddedDynamoDbTest
	static class NeverCreatesTables {

		@Test
		void takesATableNameOnly(EmbeddedDynamoDb server, TestTable table) {
			Recorder.servers.add(server);
		}

	}

	private static void createTable(DynamoDbClient client, TestTable table) {
		client.createTable((request) -> request.tableName(table.name())
			.keySchema((key) -> key.attributeName("hkey").keyType(KeyType.HASH))
			.attributeDefinitions((attribute) -> attribute.attributeName("hkey").attributeType(ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

}
