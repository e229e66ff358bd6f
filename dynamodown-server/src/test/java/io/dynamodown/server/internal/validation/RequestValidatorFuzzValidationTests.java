package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Throws random JSON shapes at every operation, built from DynamoDB's member names or
 * made by mutating a valid request of each operation, and checks that only
 * {@link DynamoDbError} escapes.
 */
class RequestValidatorFuzzValidationTests {

	private static final String[] NAMES = { "TableName", "Key", "Item", "S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS",
			"L", "M", "Keys", "RequestItems", "PutRequest", "DeleteRequest", "Expected", "Value", "Exists",
			"ComparisonOperator", "AttributeValueList", "KeyConditions", "QueryFilter", "ScanFilter",
			"AttributeUpdates", "Action", "AttributesToGet", "Select", "Limit", "Segment", "TotalSegments",
			"ExclusiveStartKey", "KeySchema", "AttributeDefinitions", "AttributeName", "AttributeType", "KeyType",
			"ProvisionedThroughput", "ReadCapacityUnits", "WriteCapacityUnits", "BillingMode", "LocalSecondaryIndexes",
			"GlobalSecondaryIndexes", "IndexName", "Projection", "ProjectionType", "NonKeyAttributes",
			"GlobalSecondaryIndexUpdates", "Update", "Create", "Delete", "Put", "Get", "ConditionCheck",
			"TransactItems", "StreamSpecification", "StreamEnabled", "StreamViewType", "SSESpecification", "Enabled",
			"SSEType", "KMSMasterKeyId", "TableClass", "TimeToLiveSpecification", "ReturnValues",
			"KeyConditionExpression", "ProjectionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues",
			"ClientRequestToken", "StreamArn", "ShardId", "ShardIteratorType", "SequenceNumber", "ShardIterator",
			"ExclusiveStartStreamArn", "ExclusiveStartShardId", "a", "b" };

	private static final String[] STRINGS = { "", "a", "abc", "HASH", "RANGE", "S", "N", "EQ", "BETWEEN", "IN", "NULL",
			"PUT", "ADD", "DELETE", "ALL_OLD", "COUNT", "ALL_PROJECTED_ATTRIBUTES", "INCLUDE", "KEYS_ONLY",
			"PAY_PER_REQUEST", "PROVISIONED", "true", "no", "1", "1e200", "-1e-200", "Yg==", "abcd", "=+/=", "1.50",
			"KMS", "AES256", "NEW_IMAGE", "LATEST", "AT_SEQUENCE_NUMBER", "000000000000000000001",
			"arn:aws:dynamodb:us-east-1:123456789012:table/abc/stream/x" };

	@Test
	void onlyDynamoDbErrorsEscapeForRandomBodies() {
		Random random = new Random(20120810L);
		for (String operation : ValidRequests.operations()) {
			for (int i = 0; i < 3000; i++) {
				Map<String, Object> body = object(random, 0);
				try {
					Map<String, Object> result = RequestValidator.validate(operation, body, ExpressionCheck.NONE);
					assertThat(result).isNotNull();
				}
				catch (DynamoDbError expected) {
					assertThat(expected.getMessage()).isNotNull();
				}
				catch (RuntimeException ex) {
					fail(operation + " threw " + ex + " for " + body, ex);
				}
			}
		}
	}

	@Test
	void everySeedIsValid() {
		Set<String> operations = new HashSet<>(RequestValidator.operations());
		operations.addAll(RequestValidator.streamsOperations());
		assertThat(ValidRequests.operations()).containsExactlyInAnyOrderElementsOf(operations);
		for (String operation : ValidRequests.operations()) {
			assertThat(RequestValidator.validate(operation, ValidRequests.of(operation), ExpressionCheck.NONE))
				.as(operation)
				.isNotEmpty();
		}
	}

	@Test
	void onlyDynamoDbErrorsEscapeForMutatedValidBodies() {
		Random random = new Random(20190101L);
		for (String operation : ValidRequests.operations()) {
			for (int i = 0; i < 2000; i++) {
				Map<String, Object> body = ValidRequests.of(operation);
				int mutations = 1 + random.nextInt(3);
				for (int j = 0; j < mutations; j++) {
					mutate(random, body);
				}
				validateQuietly(operation, body);
			}
		}
	}

	private static void validateQuietly(String operation, Map<String, Object> body) {
		try {
			RequestValidator.validate(operation, body, ExpressionCheck.NONE);
		}
		catch (DynamoDbError expected) {
			assertThat(expected.type()).isNotEmpty();
		}
		catch (RuntimeException ex) {
			fail(operation + " threw " + ex + " for " + body, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static void mutate(Random random, Object node) {
		if (node instanceof Map<?, ?> map && !map.isEmpty()) {
			List<String> keys = new ArrayList<>((Set<String>) map.keySet());
			String key = keys.get(random.nextInt(keys.size()));
			if (random.nextInt(3) == 0) {
				((Map<String, Object>) map).put(key, value(random, 3));
			}
			else {
				mutate(random, map.get(key));
			}
		}
		else if (node instanceof List<?> list && !list.isEmpty()) {
			int index = random.nextInt(list.size());
			if (random.nextInt(3) == 0) {
				((List<Object>) list).set(index, value(random, 3));
			}
			else {
				mutate(random, list.get(index));
			}
		}
	}

	private static Map<String, Object> object(Random random, int depth) {
		Map<String, Object> object = new LinkedHashMap<>();
		int size = random.nextInt(depth == 0 ? 6 : 4);
		for (int i = 0; i < size; i++) {
			object.put(NAMES[random.nextInt(NAMES.length)], value(random, depth + 1));
		}
		return object;
	}

	private static Object value(Random random, int depth) {
		int kind = random.nextInt((depth > 5) ? 5 : 8);
		switch (kind) {
			case 0:
				return null;
			case 1:
				return random.nextBoolean();
			case 2:
				return BigDecimal.valueOf(random.nextInt(2000) - 500, random.nextInt(3));
			case 3:
			case 4:
				return STRINGS[random.nextInt(STRINGS.length)];
			case 5: {
				List<Object> list = new ArrayList<>();
				int size = random.nextInt(4);
				for (int i = 0; i < size; i++) {
					list.add(value(random, depth + 1));
				}
				return list;
			}
			default:
				return object(random, depth);
		}
	}

}
