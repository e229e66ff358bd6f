package io.dynamodown.server.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamodown.server.internal.error.DynamoDbError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks that several operations share (transactions, time to live, stream
 * specifications, encryption, table classes and {@code Select}), the expression check's
 * calls, the body as the validator returns it, and unknown operations.
 */
class OperationChecksValidationTests {

	static Stream<Arguments> rejected() {
		return Stream.of(
				Arguments.of("TransactWriteItems", "{\"TransactItems\":[]}",
						"1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
								+ "Member must have length greater than or equal to 1"),
				Arguments.of("TransactWriteItems", "{}",
						"1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: "
								+ "Member must not be null"),
				Arguments.of("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"Item\":{}}}]}",
						"1 validation error detected: Value null at 'transactItems.1.member.put.tableName' failed to "
								+ "satisfy constraint: Member must not be null"),
				Arguments.of("TransactWriteItems",
						"{\"TransactItems\":[{\"Put\":{\"TableName\":\"abc\",\"Item\":{}},"
								+ "\"Delete\":{\"TableName\":\"abc\",\"Key\":{}}}]}",
						"TransactItems can only contain one of Check, Put, Update or Delete"),
				Arguments.of("TransactWriteItems", "{\"TransactItems\":[{}]}",
						"TransactItems can only contain one of Check, Put, Update or Delete"),
				Arguments.of("TransactWriteItems",
						"{\"TransactItems\":[{\"Update\":{\"TableName\":\"abc\",\"Key\":{\"a\":{\"S\":\"a\"}}}}]}",
						"1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression' "
								+ "failed to satisfy constraint: Member must not be null"),
				Arguments.of("TransactWriteItems",
						"{\"TransactItems\":[{\"Put\":{\"TableName\":\"abc\",\"Item\":{\"a\":{\"NS\":[]}}}}]}",
						"One or more parameter values were invalid: An number set  may not be empty"),
				Arguments.of("TransactWriteItems",
						"{\"ClientRequestToken\":\"0123456789012345678901234567890123456\",\"TransactItems\":"
								+ "[{\"Delete\":{\"TableName\":\"abc\",\"Key\":{}}}]}",
						"1 validation error detected: Value '0123456789012345678901234567890123456' at "
								+ "'clientRequestToken' failed to satisfy constraint: Member must have length less "
								+ "than or equal to 36"),
				Arguments.of("TransactGetItems", "{\"TransactItems\":[{}]}",
						"1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy "
								+ "constraint: Member must not be null"),
				Arguments.of("TransactGetItems",
						"{\"TransactItems\":[{\"Get\":{\"TableName\":\"abc\",\"Key\":{\"a\":{}}}}]}",
						"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
				Arguments.of("UpdateTimeToLive", "{}",
						"The parameter 'TableName' is required but was not present in the request"),
				Arguments.of("UpdateTimeToLive", "{\"TableName\":\"abc\",\"TimeToLiveSpecification\":{}}",
						"2 validation errors detected: Value null at 'timeToLiveSpecification.attributeName' failed "
								+ "to satisfy constraint: Member must not be null; Value null at "
								+ "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be "
								+ "null"),
				Arguments.of("CreateTable", createTable("\"StreamSpecification\":{\"StreamEnabled\":true}"),
						"One or more parameter values were invalid: Table is being created with a stream enabled, "
								+ "UpdateViewType is required"),
				Arguments.of("CreateTable",
						createTable(
								"\"StreamSpecification\":{\"StreamEnabled\":false,\"StreamViewType\":\"NEW_IMAGE\"}"),
						"One or more parameter values were invalid: Table is being created with a stream disabled, "
								+ "UpdateViewType should not be specified"),
				Arguments.of("CreateTable", createTable("\"StreamSpecification\":{\"StreamViewType\":\"NEW\"}"),
						"2 validation errors detected: Value null at 'streamSpecification.streamEnabled' failed to "
								+ "satisfy constraint: Member must not be null; Value 'NEW' at "
								+ "'streamSpecification.streamViewType' failed to satisfy constraint: Member must "
								+ "satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"),
				Arguments.of("CreateTable", createTable("\"TableClass\":\"COLD\""),
						"Invalid table-class parameter provided. Please try again with a valid table-class value: "
								+ "[STANDARD, STANDARD_INFREQUENT_ACCESS]."),
				Arguments.of("CreateTable", createTable("\"SSESpecification\":{\"Enabled\":false,\"SSEType\":\"KMS\"}"),
						"One or more parameter values were invalid: SSEType can not be specified if Enabled is false"),
				Arguments.of("UpdateTable",
						"{\"TableName\":\"abc\",\"StreamSpecification\":{\"StreamEnabled\":false,"
								+ "\"StreamViewType\":\"KEYS_ONLY\"}}",
						"One or more parameter values were invalid: If stream is being disabled, then UpdateViewType "
								+ "must not be specified"),
				Arguments.of("Query",
						"{\"TableName\":\"abc\",\"KeyConditionExpression\":\"a = :a\",\"Select\":\"COUNT\","
								+ "\"ProjectionExpression\":\"b\"}",
						"Cannot specify the ProjectionExpression when choosing to get only the Count"),
				Arguments.of("Query",
						"{\"TableName\":\"abc\",\"KeyConditionExpression\":\"a = :a\","
								+ "\"Select\":\"ALL_PROJECTED_ATTRIBUTES\"}",
						"ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"),
				Arguments.of("Scan",
						"{\"TableName\":\"abc\",\"Select\":\"ALL_ATTRIBUTES\",\"AttributesToGet\":[\"a\"]}",
						"Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES"),
				Arguments.of("DeleteItem",
						"{\"TableName\":\"abc\",\"Key\":{\"a\":{\"S\":\"a\"}},\"ReturnValues\":\"ALL_NEW\"}",
						"ReturnValues can only be ALL_OLD or NONE"));
	}

	private static String createTable(String extra) {
		return "{\"TableName\":\"abc\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":"
				+ "[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"a\","
				+ "\"KeyType\":\"HASH\"}]," + extra + "}";
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("rejected")
	void rejectsInDynamoDbsWords(String operation, String body, String message) {
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> RequestValidator.validate(operation, Json.object(body), ExpressionCheck.NONE))
			.withMessage(message);
	}

	@Test
	void callsTheExpressionCheckOncePerTransactionAction() {
		List<Map<String, Object>> checked = new ArrayList<>();
		RequestValidator.validate("TransactWriteItems", Json.object("{\"TransactItems\":["
				+ "{\"Put\":{\"TableName\":\"abc\",\"Item\":{\"a\":{\"S\":\"a\"}},\"ConditionExpression\":\"x\"}},"
				+ "{\"ConditionCheck\":{\"TableName\":\"abc\",\"Key\":{\"a\":{\"S\":\"b\"}},"
				+ "\"ConditionExpression\":\"y\"}}]}"), checked::add);
		assertThat(checked).extracting((action) -> action.get("ConditionExpression")).containsExactly("x", "y");
	}

	@Test
	void returnsTheBodyAsDynamoDbReadsIt() {
		Map<String, Object> body = RequestValidator.validate("Scan",
				Json.object("{\"TableName\":\"abc\","
						+ "\"Unknown\":1,\"ConsistentRead\":\"yes\",\"Limit\":2.7,\"Segment\":null,"
						+ "\"ExclusiveStartKey\":{\"a\":{\"N\":\"1.50\"}}}"),
				ExpressionCheck.NONE);
		assertThat(body).containsOnlyKeys("TableName", "Limit", "ExclusiveStartKey", "ConsistentRead");
		assertThat(body.get("ConsistentRead")).isEqualTo(Boolean.TRUE);
		assertThat(body.get("Limit")).isEqualTo(new BigDecimal("2"));
		assertThat(body.get("ExclusiveStartKey")).isEqualTo(Map.of("a", Map.of("N", "1.5")));
	}

	@Test
	void answersUnknownOperationsWithoutMessage() {
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> RequestValidator.validate("Nope", Map.of(), ExpressionCheck.NONE))
			.satisfies((error) -> assertThat(error.hasMessage()).isFalse());
	}

}
