package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.keys;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code BatchGetItem}: types of the request items, table names as map keys, key counts
 * per table and in all, projections per table, duplicate keys, and the order of these
 * checks.
 */
class BatchGetItemValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String TABLE_NAME_KEYS = keys(maxLength(255), minLength(3), NAME_PATTERN);

	static Stream<ValidationCase> cases() {
		return new CaseTable("BatchGetItem")
			.valid("one key of one table", "{'RequestItems':{'abc':{'Keys':[" + key(0) + "]}}}")
			.valid("a hundred keys over two tables",
					"{'RequestItems':{'abc':{'Keys':" + keyList(0, 50) + "},'def':{'Keys':" + keyList(50, 100) + "}}}")
			.serialization("request items given as a string", "{'RequestItems':'abc'}", "Unexpected field type")
			.serialization("request items given as a list", "{'RequestItems':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.KeysAndAttributes>")
			.serialization("a table's request given as a number", "{'RequestItems':{'abc':1}}",
					"Unexpected value type in payload")
			.serialization("a table's request given as a list", "{'RequestItems':{'abc':[]}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeysAndAttributes")
			.serialization("keys given as a string", "{'RequestItems':{'abc':{'Keys':'x'}}}", "Unexpected field type")
			.serialization("a key given as a string", "{'RequestItems':{'abc':{'Keys':['x']}}}",
					"class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
							+ "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and "
							+ "java.lang.Class are in module java.base of loader 'bootstrap')")
			.serialization("a key given as a list", "{'RequestItems':{'abc':{'Keys':[[]]}}}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("a key attribute given as a string", "{'RequestItems':{'abc':{'Keys':[{'id':'a'}]}}}",
					"Unexpected value type in payload")
			.serialization("ConsistentRead given as a decimal", "{'RequestItems':{'abc':{'ConsistentRead':0.5}}}",
					"DECIMAL_VALUE cannot be converted to Boolean")
			.constraints("an empty request", "{}", nullAt("requestItems"))
			.constraints("no tables", "{'RequestItems':{}}", error("{}", "requestItems", minLength(1)))
			.constraints("a table name too short", "{'RequestItems':{'ab':{'Keys':[" + key(0) + "]}}}",
					error("{\"ab\":{\"Keys\":[{\"id\":{\"S\":\"k0\"}}]}}", "requestItems", TABLE_NAME_KEYS))
			.constraints("one error per table name outside the pattern",
					"{'RequestItems':{'a b':{'Keys':[" + key(0) + "]},'c d':{'Keys':[" + key(1) + "]}}}",
					error("{\"a b\":{\"Keys\":[{\"id\":{\"S\":\"k0\"}}]},\"c d\":{\"Keys\":[{\"id\":{\"S\":\"k1\"}}]}}",
							"requestItems", TABLE_NAME_KEYS),
					error("{\"a b\":{\"Keys\":[{\"id\":{\"S\":\"k0\"}}]},\"c d\":{\"Keys\":[{\"id\":{\"S\":\"k1\"}}]}}",
							"requestItems", TABLE_NAME_KEYS))
			.constraints("a table without keys", "{'RequestItems':{'abc':{}}}", nullAt("requestItems.abc.member.keys"))
			.constraints("a table with an empty key list", "{'RequestItems':{'abc':{'Keys':[]}}}",
					error("[]", "requestItems.abc.member.keys", minLength(1)))
			.constraints("a table with 101 keys", "{'RequestItems':{'abc':{'Keys':" + keyList(0, 101) + "}}}",
					error(renderedKeys(101), "requestItems.abc.member.keys", maxLength(100)))
			.constraints("an empty AttributesToGet and an unknown ReturnConsumedCapacity",
					"{'ReturnConsumedCapacity':'SOME','RequestItems':{'abc':{'Keys':[" + key(0)
							+ "],'AttributesToGet':[]}}}",
					error("SOME", "returnConsumedCapacity", oneOf("INDEXES", "TOTAL", "NONE")),
					error("[]", "requestItems.abc.member.attributesToGet", minLength(1)))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("more than a hundred keys in all",
					"{'RequestItems':{'abc':{'Keys':" + keyList(0, 51) + "},'def':{'Keys':" + keyList(51, 101) + "}}}",
					"Too many items requested for the BatchGetItem call")
			.invalid("a key asked for twice",
					"{'RequestItems':{'abc':{'Keys':[" + key(0) + "," + key(1) + "," + key(0) + "]}}}",
					"Provided list of item keys contains duplicates")
			.invalid("an empty key attribute", "{'RequestItems':{'abc':{'Keys':[{'id':{}}]}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("AttributesToGet with a projection expression",
					"{'RequestItems':{'abc':{'Keys':[" + key(0)
							+ "],'AttributesToGet':['a'],'ProjectionExpression':'a'}}}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
			.invalid("expression attribute names without a projection expression",
					"{'RequestItems':{'abc':{'Keys':[" + key(0) + "],'ExpressionAttributeNames':{'#a':'a'}}}}",
					"ExpressionAttributeNames can only be specified when using expressions")
			.invalid("an attribute named twice",
					"{'RequestItems':{'abc':{'Keys':[" + key(0) + "],'AttributesToGet':['a','a']}}}",
					INVALID + "Duplicate value in attribute name: a")
			.invalid("AttributesToGet before the keys",
					"{'RequestItems':{'abc':{'Keys':[{'id':{}}],'AttributesToGet':['a','a']}}}",
					INVALID + "Duplicate value in attribute name: a")
			.invalid("the first table's keys before the second table's projection",
					"{'RequestItems':{'abc':{'Keys':[{'id':{}}]},'def':{'Keys':[" + key(0) + "],"
							+ "'ExpressionAttributeNames':{'#a':'a'}}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.reachesExpressions("a table's expressions before its keys",
					"{'RequestItems':{'abc':{'Keys':[{'id':{}}],'ProjectionExpression':'a'}}}")
			.stream();
	}

	private static String key(int i) {
		return "{'id':{'S':'k" + i + "'}}";
	}

	private static String keyList(int from, int to) {
		List<String> keys = new ArrayList<>();
		for (int i = from; i < to; i++) {
			keys.add(key(i));
		}
		return "[" + String.join(",", keys) + "]";
	}

	/** The keys as a constraint message shows a list of them. */
	private static String renderedKeys(int count) {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add("{\"id\":{\"S\":\"k" + i + "\"}}");
		}
		return "[" + String.join(", ", keys) + "]";
	}

	/** Eleven tables without keys. */
	private static String capped() {
		List<String> tables = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			tables.add("'table" + i + "':{'ConsistentRead':true}");
		}
		return "{'RequestItems':{" + String.join(",", tables) + "}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			errors.add(nullAt("requestItems.table" + i + ".member.keys"));
		}
		return errors.toArray(new String[0]);
	}

}
