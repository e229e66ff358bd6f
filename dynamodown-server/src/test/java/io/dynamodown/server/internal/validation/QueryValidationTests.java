package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.atLeast;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code Query}: types, constraints, key conditions given either way, legacy filters, the
 * start key, {@code Select} against the projection, and the order of these checks.
 */
class QueryValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String TABLE = "'TableName':'abc'";

	private static final String KEY_CONDITIONS = "'KeyConditions':{'id':{'ComparisonOperator':'EQ',"
			+ "'AttributeValueList':[{'S':'a'}]}}";

	private static final String QUERY = TABLE + "," + KEY_CONDITIONS;

	static Stream<ValidationCase> cases() {
		return new CaseTable("Query").valid("a key condition", "{" + QUERY + "}")
			.valid("a hash and a range key condition",
					"{" + TABLE + ",'KeyConditions':{'id':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]},"
							+ "'at':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'2'}]}}}")
			.valid("a limit that floors to one", "{" + QUERY + ",'Limit':1.9}")
			.valid("ALL_PROJECTED_ATTRIBUTES with an index",
					"{" + QUERY + ",'IndexName':'idx'," + "'Select':'ALL_PROJECTED_ATTRIBUTES'}")
			.serialization("a limit given as a string", "{'Limit':'10'}", "STRING_VALUE cannot be converted to Integer")
			.serialization("a limit given as true", "{'Limit':true}", "TRUE_VALUE cannot be converted to Integer")
			.serialization("a limit given as a list", "{'Limit':[]}",
					"Unrecognized collection type class java.lang.Integer")
			.serialization("a limit given as an object", "{'Limit':{}}",
					"Start of structure or map found where not expected")
			.serialization("ScanIndexForward given as an unknown word", "{'ScanIndexForward':'backwards'}",
					"Unexpected token received from parser")
			.serialization("a key condition given as a string", "{'KeyConditions':{'id':'x'}}",
					"Unexpected value type in payload")
			.serialization("a key condition given as a list", "{'KeyConditions':{'id':[]}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Condition")
			.serialization("a query filter given as a string", "{'QueryFilter':'x'}", "Unexpected field type")
			.serialization("Select before Limit, as the operation orders its members", "{'Limit':'x','Select':1}",
					"NUMBER_VALUE cannot be converted to String")
			.constraints("a table name missing", "{" + KEY_CONDITIONS + "}", nullAt("tableName"))
			.constraints("a limit of zero", "{" + QUERY + ",'Limit':0}", error("0", "limit", atLeast(1)))
			.constraints("a limit that floors to zero", "{" + QUERY + ",'Limit':0.5}", error("0", "limit", atLeast(1)))
			.constraints("an unknown Select", "{" + QUERY + ",'Select':'ALL'}",
					error("ALL", "select",
							oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")))
			.constraints("an index name too short", "{" + QUERY + ",'IndexName':'ix'}",
					error("ix", "indexName", minLength(3)))
			.constraints("a key condition without an operator", "{" + TABLE + ",'KeyConditions':{'id':{}}}",
					nullAt("keyConditions.id.member.comparisonOperator"))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("no key condition", "{" + TABLE + "}",
					"Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
			.invalid("key conditions with a key condition expression",
					"{" + QUERY + ",'KeyConditionExpression':'id = :id'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}")
			.invalid("a query filter with a filter expression",
					"{" + TABLE + ",'QueryFilter':{'a':{'ComparisonOperator':'NOT_NULL'}},'FilterExpression':'x',"
							+ "'KeyConditionExpression':'id = :id'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {QueryFilter} "
							+ "Expression parameters: {FilterExpression, KeyConditionExpression}")
			.invalid("expression attribute values without an expression",
					"{" + QUERY + ",'ExpressionAttributeValues':{':a':{'S':'a'}}}",
					"ExpressionAttributeValues can only be specified when using expressions: "
							+ "FilterExpression and KeyConditionExpression are null")
			.invalid("EQ without an operand in a filter",
					"{" + QUERY + ",'QueryFilter':{'a':{'ComparisonOperator':'EQ'}}}",
					INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator")
			.invalid("CONTAINS of a set in a filter", "{" + QUERY
					+ ",'QueryFilter':{'a':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'SS':['x']}]}}}",
					INVALID + "ComparisonOperator CONTAINS is not valid for SS AttributeValue type")
			.invalid("BEGINS_WITH of a number in a filter", "{" + QUERY
					+ ",'QueryFilter':{'a':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'1'}]}}}",
					INVALID + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type")
			.invalid("an attribute named twice in AttributesToGet", "{" + QUERY + ",'AttributesToGet':['a','a']}",
					INVALID + "Duplicate value in attribute name: a")
			.invalid("an empty value in the start key", "{" + QUERY + ",'ExclusiveStartKey':{'id':{}}}",
					"The provided starting key is invalid: "
							+ "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an invalid number in the start key", "{" + QUERY + ",'ExclusiveStartKey':{'id':{'N':'x'}}}",
					"The parameter cannot be converted to a numeric value: x")
			.invalid("three key conditions",
					"{" + TABLE + ",'KeyConditions':{'a':{'ComparisonOperator':'NOT_NULL'},'b':{'ComparisonOperator':"
							+ "'NOT_NULL'},'c':{'ComparisonOperator':'NOT_NULL'}}}",
					"Conditions can be of length 1 or 2 only")
			.invalid("a key condition without its operand",
					"{" + TABLE + ",'KeyConditions':{'id':{'ComparisonOperator':'EQ','AttributeValueList':[]}}}",
					INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator")
			.invalid("an empty value in the key conditions before their operand count",
					"{" + TABLE
							+ ",'KeyConditions':{'id':{'ComparisonOperator':'EQ','AttributeValueList':[{},{'S':''}]}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an invalid number in the key conditions before their operand count",
					"{" + TABLE + ",'KeyConditions':{'id':{'ComparisonOperator':'EQ',"
							+ "'AttributeValueList':[{'N':'1'},{'N':'b'}]}}}",
					"The parameter cannot be converted to a numeric value: b")
			.invalid("a key condition BETWEEN swapped bounds",
					"{" + TABLE + ",'KeyConditions':{'id':{'ComparisonOperator':'BETWEEN',"
							+ "'AttributeValueList':[{'S':'b'},{'S':'a'}]}}}",
					"The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
			.invalid("COUNT with AttributesToGet", "{" + QUERY + ",'Select':'COUNT','AttributesToGet':['a']}",
					"Cannot specify the AttributesToGet when choosing to get only the Count")
			.invalid("ALL_PROJECTED_ATTRIBUTES without an index", "{" + QUERY + ",'Select':'ALL_PROJECTED_ATTRIBUTES'}",
					"ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
			.invalid("the filter before AttributesToGet",
					"{" + QUERY + ",'QueryFilter':{'a':{'ComparisonOperator':'GT'}},'AttributesToGet':['a','a']}",
					INVALID + "Invalid number of argument(s) for the GT ComparisonOperator")
			.invalid("the start key before the missing key condition", "{" + TABLE + ",'ExclusiveStartKey':{'id':{}}}",
					"The provided starting key is invalid: "
							+ "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("the key conditions before Select", "{" + TABLE
					+ ",'Select':'ALL_PROJECTED_ATTRIBUTES','KeyConditions':{'a':{'ComparisonOperator':"
					+ "'NOT_NULL'},'b':{'ComparisonOperator':'NOT_NULL'},'c':{'ComparisonOperator':'NOT_NULL'}}}",
					"Conditions can be of length 1 or 2 only")
			.reachesExpressions("key conditions with only a filter expression",
					"{" + QUERY + ",'FilterExpression':'attribute_exists(a)'}")
			.reachesExpressions("the expressions before Select",
					"{" + TABLE + ",'KeyConditionExpression':'id = :id','ExpressionAttributeValues':{':id':{'S':'a'}},"
							+ "'Select':'ALL_PROJECTED_ATTRIBUTES'}")
			.stream();
	}

	/** Eleven filters without an operator, and no table name. */
	private static String capped() {
		List<String> filters = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			filters.add("'f" + i + "':{'AttributeValueList':[{'S':'x'}]}");
		}
		return "{" + KEY_CONDITIONS + ",'QueryFilter':{" + String.join(",", filters) + "}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			errors.add(nullAt("queryFilter.f" + i + ".member.comparisonOperator"));
		}
		return errors.toArray(new String[0]);
	}

}
