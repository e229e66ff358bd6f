package io.dynamodown.server.internal.validation;

import java.util.Map;
import java.util.Set;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * Validates requests as DynamoDB does before it looks at any table. For each operation,
 * in DynamoDB's order: the JSON types of the body ({@code SerializationException}),
 * required members and table names, the constraints of every member
 * ({@code ValidationException} "N validation errors detected: ..."), then the operation's
 * own checks, with the expression check called where DynamoDB checks expressions. Checks
 * that need a table (key schema, indexes, existence) are left to the engine.
 * <p>
 * It knows the operations of both of DynamoDB's targets: DynamoDB's own
 * ({@code DynamoDB_20120810}, {@link #operations()}) and DynamoDB Streams'
 * ({@code DynamoDBStreams_20120810}, {@link #streamsOperations()}). No name belongs to
 * both, so {@link #validate} takes either by name; the protocol layer matches an
 * operation to the target it came with.
 */
public final class RequestValidator {

	private static final Map<String, OperationRules> DYNAMODB = Map.ofEntries(
			Map.entry("BatchGetItem", new BatchGetItemRules()), Map.entry("BatchWriteItem", new BatchWriteItemRules()),
			Map.entry("CreateTable", new CreateTableRules()), Map.entry("DeleteItem", new DeleteItemRules()),
			Map.entry("DeleteTable", new TableNameRules()), Map.entry("DescribeTable", new TableNameRules()),
			Map.entry("DescribeTimeToLive", new TableNameRules()), Map.entry("GetItem", new GetItemRules()),
			Map.entry("ListTables", new ListTablesRules()), Map.entry("PutItem", new PutItemRules()),
			Map.entry("Query", new QueryRules()), Map.entry("Scan", new ScanRules()),
			Map.entry("TransactGetItems", new TransactGetItemsRules()),
			Map.entry("TransactWriteItems", new TransactWriteItemsRules()),
			Map.entry("UpdateItem", new UpdateItemRules()), Map.entry("UpdateTable", new UpdateTableRules()),
			Map.entry("UpdateTimeToLive", new UpdateTimeToLiveRules()));

	private static final Map<String, OperationRules> STREAMS = Map.of("ListStreams", new ListStreamsRules(),
			"DescribeStream", new DescribeStreamRules(), "GetShardIterator", new GetShardIteratorRules(), "GetRecords",
			new GetRecordsRules());

	private RequestValidator() {
	}

	/**
	 * Returns DynamoDB's operations (target {@code DynamoDB_20120810}) this validator
	 * knows.
	 * @return the operation names, such as {@code PutItem}
	 */
	public static Set<String> operations() {
		return DYNAMODB.keySet();
	}

	/**
	 * Returns DynamoDB Streams' operations (target {@code DynamoDBStreams_20120810}) this
	 * validator knows.
	 * @return the operation names: {@code ListStreams}, {@code DescribeStream},
	 * {@code GetShardIterator} and {@code GetRecords}
	 */
	public static Set<String> streamsOperations() {
		return STREAMS.keySet();
	}

	/**
	 * Validates a request of one operation in DynamoDB's order: types
	 * ({@code SerializationException}), required members and table names, constraints
	 * ({@code ValidationException} "N validation error(s) detected: ..."), then the
	 * operation's own checks (attribute values, the mix of expression and legacy
	 * parameters, {@code ReturnValues}, item size, legacy conditions, segments,
	 * {@code Select} against the projection, batch and transaction limits, and so on).
	 * @param operation the operation of either target, such as {@code PutItem} or
	 * {@code GetRecords}
	 * @param body the parsed JSON body: maps, lists, strings, {@code BigDecimal} numbers,
	 * booleans and {@code null}s
	 * @param expressions the expression check, called where DynamoDB checks expressions
	 * @return the body as DynamoDB reads it: unknown and {@code null} members dropped,
	 * booleans given as strings converted, integers floored, numbers of checked attribute
	 * values normalized
	 * @throws DynamoDbError the error DynamoDB answers for an invalid request, an
	 * {@code UnknownOperationException} for an operation this validator does not know;
	 * never another runtime exception, whatever the body
	 */
	public static Map<String, Object> validate(String operation, Map<String, Object> body,
			ExpressionCheck expressions) {
		OperationRules rules = DYNAMODB.getOrDefault(operation, STREAMS.get(operation));
		if (rules == null) {
			throw DynamoDbError.withoutMessage(DynamoDbError.SERVICE, "UnknownOperationException", 400);
		}
		Map<String, Object> data = TypeChecker.checkMembers(body, rules.request());
		ConstraintChecker.check(data, rules.request());
		rules.check(data, expressions);
		return data;
	}

}
