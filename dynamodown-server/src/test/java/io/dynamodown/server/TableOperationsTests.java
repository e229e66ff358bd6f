package io.dynamodown.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Table operations as DynamoDB documents them (API Reference: {@code CreateTable},
 * {@code DescribeTable}, {@code DeleteTable}, {@code ListTables}, {@code UpdateTable}):
 * status changes, errors for tables that exist or do not, paged listing, throughput
 * changes, and PartiQL refused by this server.
 */
class TableOperationsTests {

	private DynamoDbServer server;

	private DynamoDbClient client;

	@BeforeEach
	void start() {
		this.server = DynamoDbServer.builder().start();
		this.client = TestClients.of(this.server);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	private void create(String name) {
		this.client.createTable((request) -> request.tableName(name)
			.keySchema((key) -> key.attributeName("k").keyType("HASH"))
			.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
			.provisionedThroughput((throughput) -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L)));
	}

	@Test
	void createAnswersCreatingThenTheTableIsActive() {
		var created = this.client.createTable((request) -> request.tableName("fresh")
			.keySchema((key) -> key.attributeName("k").keyType("HASH"))
			.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
		assertThat(created.tableDescription().tableArn()).endsWith(":table/fresh");
		var described = this.client.describeTable((request) -> request.tableName("fresh")).table();
		assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
		assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
		assertThat(described.itemCount()).isZero();
	}

	@Test
	void tablesStayCreatingForTheConfiguredDelay() {
		try (DynamoDbServer slow = DynamoDbServer.builder().tableStatusDelay(Duration.ofHours(1)).start();
				DynamoDbClient slowClient = TestClients.of(slow)) {
			slowClient.createTable((request) -> request.tableName("slow")
				.keySchema((key) -> key.attributeName("k").keyType("HASH"))
				.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
				.billingMode(BillingMode.PAY_PER_REQUEST));
			assertThat(slowClient.describeTable((request) -> request.tableName("slow")).table().tableStatus())
				.isEqualTo(TableStatus.CREATING);
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> slowClient.scan((request) -> request.tableName("slow")));
			assertThatExceptionOfType(ResourceInUseException.class)
				.isThrownBy(() -> slowClient.deleteTable((request) -> request.tableName("slow")));
		}
	}

	@Test
	void creatingAnExistingTableIsResourceInUse() {
		create("twice");
		assertThatExceptionOfType(ResourceInUseException.class).isThrownBy(() -> create("twice"));
	}

	@Test
	void describingAMissingTableNamesIt() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.describeTable((request) -> request.tableName("absent")))
			.withMessageContaining("Table: absent not found");
	}

	@Test
	void deleteAnswersDeletingAndTheTableIsGone() {
		create("doomed");
		var deleted = this.client.deleteTable((request) -> request.tableName("doomed"));
		assertThat(deleted.tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.describeTable((request) -> request.tableName("doomed")));
		create("doomed");
	}

	@Test
	void listTablesPagesInNameOrder() {
		List<String> names = List.of("t-c", "t-a", "t-e", "t-b", "t-d");
		names.forEach(this::create);
		List<String> seen = new ArrayList<>();
		String start = null;
		do {
			String from = start;
			ListTablesResponse page = this.client
				.listTables((request) -> request.limit(2).exclusiveStartTableName(from));
			assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
			seen.addAll(page.tableNames());
			start = page.lastEvaluatedTableName();
		}
		while (start != null);
		assertThat(seen).containsExactly("t-a", "t-b", "t-c", "t-d", "t-e");
	}

	@Test
	void throughputChangesAndSwitchingToOnDemand() {
		create("tuned");
		var updated = this.client.updateTable((request) -> request.tableName("tuned")
			.provisionedThroughput((throughput) -> throughput.readCapacityUnits(10L).writeCapacityUnits(7L)));
		assertThat(updated.tableDescription().provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
		var onDemand = this.client
			.updateTable((request) -> request.tableName("tuned").billingMode(BillingMode.PAY_PER_REQUEST));
		assertThat(onDemand.tableDescription().billingModeSummary().billingMode())
			.isEqualTo(BillingMode.PAY_PER_REQUEST);
	}

	@Test
	void partiqlIsRefusedWithAValidationException() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> this.client.executeStatement((request) -> request.statement("SELECT * FROM t")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
			.withMessageContaining("PartiQL is not supported");
	}

	@Test
	void onDemandTableSaysSinceWhenOnlyOnceCreated() throws Exception {
		String created = post("CreateTable",
				"{\"TableName\":\"demand\",\"BillingMode\":\"PAY_PER_REQUEST\","
						+ "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],"
						+ "\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}]}");
		assertThat(created).contains("\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"}",
				"\"TableThroughputModeSummary\":{\"TableThroughputMode\":\"PAY_PER_REQUEST\"}");
		String described = post("DescribeTable", "{\"TableName\":\"demand\"}");
		assertThat(described).contains(
				"\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\","
						+ "\"LastUpdateToPayPerRequestDateTime\":",
				"\"TableThroughputModeSummary\":{\"TableThroughputMode\":"
						+ "\"PAY_PER_REQUEST\",\"LastUpdateToPayPerRequestDateTime\":");
	}

	@Test
	void deleteAnswerLeavesOutGlobalIndexes() {
		this.client.createTable((request) -> request.tableName("indexed")
			.keySchema((key) -> key.attributeName("k").keyType("HASH"))
			.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"),
					(definition) -> definition.attributeName("g").attributeType("S"))
			.globalSecondaryIndexes((index) -> index.indexName("byG")
				.keySchema((key) -> key.attributeName("g").keyType("HASH"))
				.projection((projection) -> projection.projectionType(ProjectionType.KEYS_ONLY)))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		var deleted = this.client.deleteTable((request) -> request.tableName("indexed"));
		assertThat(deleted.tableDescription().hasGlobalSecondaryIndexes()).isFalse();
	}

	@Test
	void indexUpdatesAreCheckedBeforeTheIndexesAreLookedUp() {
		create("guarded");
		List<GlobalSecondaryIndexUpdate> deletes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String name = "index" + i;
			deletes.add(GlobalSecondaryIndexUpdate.builder().delete((delete) -> delete.indexName(name)).build());
		}
		assertThatExceptionOfType(LimitExceededException.class)
			.isThrownBy(() -> this.client
				.updateTable((request) -> request.tableName("guarded").globalSecondaryIndexUpdates(deletes)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(
					"Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table"));
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(
					() -> this.client.updateTable((request) -> request.tableName("guarded")
						.globalSecondaryIndexUpdates((update) -> update.update((change) -> change.indexName("absent")
							.provisionedThroughput((throughput) -> throughput.readCapacityUnits(1_000_000_000_001L)
								.writeCapacityUnits(1L))))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("This operation cannot be performed with given input values. "
						+ "Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate"));
	}

	@Test
	void throughputChangesTakeEffectWhenTheTableIsActiveAgain() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
		try (DynamoDbServer slow = DynamoDbServer.builder()
			.clock(clock)
			.tableStatusDelay(Duration.ofMinutes(1))
			.start(); DynamoDbClient slowClient = TestClients.of(slow)) {
			slowClient.createTable((request) -> request.tableName("tuned")
				.keySchema((key) -> key.attributeName("k").keyType("HASH"))
				.attributeDefinitions((definition) -> definition.attributeName("k").attributeType("S"))
				.provisionedThroughput((throughput) -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L)));
			clock.advance(Duration.ofMinutes(2));
			Instant increased = clock.instant();
			var requested = slowClient
				.updateTable((request) -> request.tableName("tuned")
					.provisionedThroughput((throughput) -> throughput.readCapacityUnits(15L).writeCapacityUnits(15L)))
				.tableDescription()
				.provisionedThroughput();
			assertThat(requested.readCapacityUnits()).isEqualTo(5L);
			assertThat(requested.lastIncreaseDateTime()).isEqualTo(increased);
			clock.advance(Duration.ofMinutes(2));
			var active = slowClient.describeTable((request) -> request.tableName("tuned"))
				.table()
				.provisionedThroughput();
			assertThat(active.readCapacityUnits()).isEqualTo(15L);
			assertThat(active.lastIncreaseDateTime()).isEqualTo(increased.plus(Duration.ofMinutes(1)));
			var decrease = slowClient
				.updateTable((request) -> request.tableName("tuned")
					.provisionedThroughput((throughput) -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L)))
				.tableDescription()
				.provisionedThroughput();
			assertThat(decrease.readCapacityUnits()).isEqualTo(15L);
			assertThat(decrease.numberOfDecreasesToday()).isZero();
			clock.advance(Duration.ofMinutes(2));
			var decreased = slowClient.describeTable((request) -> request.tableName("tuned"))
				.table()
				.provisionedThroughput();
			assertThat(decreased.readCapacityUnits()).isEqualTo(5L);
			assertThat(decreased.numberOfDecreasesToday()).isOne();
		}
	}

	private String post(String operation, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.server.endpoint())
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Target", "DynamoDB_20120810." + operation)
			.header("X-Amz-Date", "20261205T000000Z")
			.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=AKID/20261205/us-east-1/dynamodb/aws4_request, "
							+ "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
