package io.dynamodown.server;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secondary indexes and scans, as the DynamoDB Developer Guide's "Improving data access
 * with secondary indexes" and "Parallel scan" pages describe them: queries on local and
 * global indexes with their projections, consistent reads refused on a global index,
 * index capacity, and scan segments that together cover the table exactly once.
 */
class IndexAndScanTests {

	private static DynamoDbServer server;

	private static DynamoDbClient client;

	@BeforeAll
	static void start() {
		server = DynamoDbServer.builder().start();
		client = TestClients.of(server);
		client.createTable((request) -> request.tableName("indexed")
			.keySchema((key) -> key.attributeName("h").keyType("HASH"),
					(key) -> key.attributeName("r").keyType("RANGE"))
			.attributeDefinitions((definition) -> definition.attributeName("h").attributeType("S"),
					(definition) -> definition.attributeName("r").attributeType("N"),
					(definition) -> definition.attributeName("l").attributeType("S"),
					(definition) -> definition.attributeName("g").attributeType("S"))
			.localSecondaryIndexes((index) -> index.indexName("local")
				.keySchema((key) -> key.attributeName("h").keyType("HASH"),
						(key) -> key.attributeName("l").keyType("RANGE"))
				.projection((projection) -> projection.projectionType(ProjectionType.KEYS_ONLY)))
			.globalSecondaryIndexes((index) -> index.indexName("global")
				.keySchema((key) -> key.attributeName("g").keyType("HASH"))
				.projection((projection) -> projection.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x")))
			.billingMode("PAY_PER_REQUEST"));
		for (int i = 0; i < 20; i++) {
			int n = i;
			client.putItem((request) -> request.tableName("indexed")
				.item(Map.of("h", AttributeValue.fromS("p" + (n % 4)), "r", AttributeValue.fromN(Integer.toString(n)),
						"l", AttributeValue.fromS("l" + (19 - n)), "g",
						AttributeValue.fromS((n % 2 == 0) ? "even" : "odd"), "x", AttributeValue.fromS("x" + n), "y",
						AttributeValue.fromS("y" + n))));
		}
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@Test
	void localIndexIsOrderedByItsSortKeyAndProjectsKeysOnly() {
		var answer = client.query((request) -> request.tableName("indexed")
			.indexName("local")
			.keyConditionExpression("h = :h")
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("p1"))));
		assertThat(answer.items()).extracting((item) -> item.get("l").s())
			.containsExactly("l10", "l14", "l18", "l2", "l6");
		assertThat(answer.items().get(0)).containsOnlyKeys("h", "r", "l");
	}

	@Test
	void globalIndexProjectsIncludedAttributes() {
		var answer = client.query((request) -> request.tableName("indexed")
			.indexName("global")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", AttributeValue.fromS("odd")))
			.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
		assertThat(answer.count()).isEqualTo(10);
		assertThat(answer.items().get(0)).containsOnlyKeys("h", "r", "g", "x");
		assertThat(answer.consumedCapacity().globalSecondaryIndexes()).containsKey("global");
	}

	@Test
	void consistentReadsOnAGlobalIndexAreRefused() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.query((request) -> request.tableName("indexed")
				.indexName("global")
				.consistentRead(true)
				.keyConditionExpression("g = :g")
				.expressionAttributeValues(Map.of(":g", AttributeValue.fromS("odd")))))
			.withMessageContaining("Consistent reads are not supported on global secondary indexes");
	}

	@Test
	void allAttributesFromALocalIndexAreFetchedFromTheTable() {
		var answer = client.query((request) -> request.tableName("indexed")
			.indexName("local")
			.select(Select.ALL_ATTRIBUTES)
			.keyConditionExpression("h = :h")
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("p1"))));
		assertThat(answer.items().get(0)).containsKeys("x", "y");
	}

	@Test
	void scanSegmentsCoverEveryItemOnce() {
		Set<String> seen = new HashSet<>();
		int total = 0;
		for (int segment = 0; segment < 3; segment++) {
			int part = segment;
			ScanResponse page = client.scan((request) -> request.tableName("indexed").segment(part).totalSegments(3));
			for (Map<String, AttributeValue> item : page.items()) {
				seen.add(item.get("h").s() + "/" + item.get("r").n());
			}
			total += page.count();
		}
		assertThat(total).isEqualTo(20);
		assertThat(seen).hasSize(20);
	}

	@Test
	void scanWithCountSelectReturnsNoItems() {
		var answer = client.scan((request) -> request.tableName("indexed").select(Select.COUNT));
		assertThat(answer.count()).isEqualTo(20);
		assertThat(answer.hasItems()).isFalse();
	}

	@Test
	void scanPagesWithLimitAndStartKeyReadEveryItem() {
		Set<String> seen = new HashSet<>();
		Map<String, AttributeValue> start = null;
		do {
			Map<String, AttributeValue> from = start;
			ScanResponse page = client.scan((request) -> request.tableName("indexed").limit(7).exclusiveStartKey(from));
			page.items().forEach((item) -> seen.add(item.get("h").s() + "/" + item.get("r").n()));
			start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		assertThat(seen).hasSize(20);
		assertThat(List.copyOf(seen)).doesNotHaveDuplicates();
	}

	@Test
	void startKeyIsCheckedAttributeByAttributeWithTheKeyCondition() {
		assertQueryInvalid(Map.of("h", AttributeValue.fromN("1"), "r", AttributeValue.fromN("1")),
				"The provided key element does not match the schema");
		assertQueryInvalid(Map.of("h", AttributeValue.fromS("p1"), "r", AttributeValue.fromS("1")),
				"Query condition missed key schema element: h");
	}

	@Test
	void keyConditionValuesAreCheckedBeforeTheirCount() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.query((request) -> request.tableName("indexed")
				.keyConditions(Map.of("h",
						Condition.builder()
							.comparisonOperator(ComparisonOperator.EQ)
							.attributeValueList(AttributeValue.fromN("1"), AttributeValue.fromN("b"))
							.build()))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The parameter cannot be converted to a numeric value: b"));
	}

	@Test
	void filterCannotReachIntoAnIndexKey() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.scan((request) -> request.tableName("indexed")
				.filterExpression("l.x = :x")
				.expressionAttributeValues(Map.of(":x", AttributeValue.fromS("x")))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
						+ "allowed: IndexKey: l"));
	}

	@Test
	void allAttributesOfAGlobalIndexAreRefusedAfterTheStartKeyIsChecked() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.query((request) -> request.tableName("indexed")
				.indexName("global")
				.select(Select.ALL_ATTRIBUTES)
				.keyConditionExpression("g = :g")
				.expressionAttributeValues(Map.of(":g", AttributeValue.fromS("odd")))
				.exclusiveStartKey(Map.of("g", AttributeValue.fromS("odd")))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The provided starting key is invalid"));
	}

	@Test
	void updateGivingAnIndexKeyAValueOfAnotherTypeIsRefusedBeforeTheItemIsRead() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.updateItem((request) -> request.tableName("indexed")
				.key(Map.of("h", AttributeValue.fromS("absent"), "r", AttributeValue.fromN("0")))
				.updateExpression("SET l = :n")
				.expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key l Expected: S "
						+ "Actual: N IndexName: local"));
	}

	@Test
	void updateCopyingAValueOfAnotherTypeToAnIndexKeyIsRefused() {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.updateItem((request) -> request.tableName("indexed")
				.key(Map.of("h", AttributeValue.fromS("p1"), "r", AttributeValue.fromN("1")))
				.updateExpression("SET g = r")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The update expression attempted to update the secondary index key to unsupported type"));
	}

	private static void assertQueryInvalid(Map<String, AttributeValue> startKey, String message) {
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.query((request) -> request.tableName("indexed")
				.keyConditionExpression("z = :z")
				.expressionAttributeValues(Map.of(":z", AttributeValue.fromS("z")))
				.exclusiveStartKey(startKey)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(message));
	}

}
