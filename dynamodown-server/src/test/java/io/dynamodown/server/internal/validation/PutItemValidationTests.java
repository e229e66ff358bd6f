package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code PutItem}: types of items and legacy conditions, constraints, the 10-error cap,
 * {@code ReturnValues}, the item size, {@code Expected} and the order of these checks.
 */
class PutItemValidationTests extends OperationValidationTests {

	static final String[] OPERATORS = { "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE",
			"LE", "BEGINS_WITH", "GE", "CONTAINS" };

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String ITEM = "'TableName':'abc','Item':{'id':{'S':'a'}}";

	static Stream<ValidationCase> cases() {
		return new CaseTable("PutItem").valid("a table name and an item", "{" + ITEM + "}")
			.valid("Expected with every kind of condition",
					"{" + ITEM + ",'Expected':{'a':{'Exists':false},'b':{'Value':{'N':'1'}},"
							+ "'c':{'ComparisonOperator':'NOT_NULL'},'d':{'ComparisonOperator':'IN',"
							+ "'AttributeValueList':[{'S':'x'},{'S':'y'}]}}}")
			.valid("an item of 400 KB", "{'TableName':'abc','Item':{'id':{'S':'" + "a".repeat(409_598) + "'}}}")
			.serialization("an item given as a string", "{'Item':'x'}", "Unexpected field type")
			.serialization("an item given as a list", "{'Item':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("a list attribute given as a string", "{'Item':{'a':{'L':'x'}}}", "Unexpected field type")
			.serialization("a map attribute given as a list", "{'Item':{'a':{'M':[]}}}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("a number in a string set", "{'Item':{'a':{'SS':[1]}}}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("a boolean in a binary set", "{'Item':{'a':{'BS':[true]}}}",
					"only base-64-encoded strings are convertible to bytes")
			.serialization("a condition given as a string", "{'Expected':{'a':'x'}}",
					"Unexpected value type in payload")
			.serialization("a condition given as a list", "{'Expected':{'a':[]}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue")
			.serialization("a condition's value given as a string", "{'Expected':{'a':{'Value':'x'}}}",
					"Unexpected field type")
			.serialization("an operand given as a string", "{'Expected':{'a':{'AttributeValueList':['x']}}}",
					"Unexpected value type in payload")
			.serialization("ReturnValues given as false", "{'ReturnValues':false}",
					"FALSE_VALUE cannot be converted to String")
			.constraints("an empty request", "{}", nullAt("tableName"), nullAt("item"))
			.constraints("an unknown ReturnValues", "{" + ITEM + ",'ReturnValues':'ALL'}",
					error("ALL", "returnValues", oneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW")))
			.constraints("an unknown ReturnItemCollectionMetrics", "{" + ITEM + ",'ReturnItemCollectionMetrics':'ALL'}",
					error("ALL", "returnItemCollectionMetrics", oneOf("SIZE", "NONE")))
			.constraints("ReturnValuesOnConditionCheckFailure of ALL_NEW",
					"{" + ITEM + ",'ReturnValuesOnConditionCheckFailure':'ALL_NEW'}",
					error("ALL_NEW", "returnValuesOnConditionCheckFailure", oneOf("ALL_OLD", "NONE")))
			.constraints("an unknown conditional operator", "{" + ITEM + ",'ConditionalOperator':'XOR'}",
					error("XOR", "conditionalOperator", oneOf("OR", "AND")))
			.constraints("an unknown comparison operator",
					"{" + ITEM + ",'Expected':{'a':{'ComparisonOperator':'LIKE'}}}",
					error("LIKE", "expected.a.member.comparisonOperator", oneOf(OPERATORS)))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("Expected with a condition expression",
					"{" + ITEM + ",'Expected':{'a':{'Exists':false}},'ConditionExpression':'x'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}")
			.invalid("expression attribute values without an expression",
					"{" + ITEM + ",'ExpressionAttributeValues':{':a':{'S':'a'}}}",
					"ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null")
			.invalid("an empty attribute value in the item", "{'TableName':'abc','Item':{'id':{'S':'a'},'b':{}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an empty string set in the item", "{'TableName':'abc','Item':{'a':{'SS':[]}}}",
					INVALID + "An string set  may not be empty")
			.invalid("a binary set with a duplicate", "{'TableName':'abc','Item':{'a':{'BS':['AQ==','AQ==']}}}",
					INVALID + "Input collection [AQ==, AQ==]of type BS contains duplicates.")
			.invalid("a number set with equal numbers written differently",
					"{'TableName':'abc','Item':{'a':{'NS':['1','1.0']}}}", "Input collection contains duplicates")
			.invalid("a number too small in a nested list", "{'TableName':'abc','Item':{'a':{'L':[{'N':'1e-131'}]}}}",
					"Number underflow. Attempting to store a number with magnitude smaller than supported range")
			.invalid("ReturnValues of ALL_NEW", "{" + ITEM + ",'ReturnValues':'ALL_NEW'}",
					"ReturnValues can only be ALL_OLD or NONE")
			.invalid("an item over 400 KB", "{'TableName':'abc','Item':{'id':{'S':'" + "a".repeat(409_599) + "'}}}",
					"Item size has exceeded the maximum allowed size")
			.invalid("Value with AttributeValueList",
					"{" + ITEM + ",'Expected':{'a':{'Value':{'S':'x'},'AttributeValueList':[{'S':'x'}]}}}",
					INVALID + "Value and AttributeValueList cannot be used together for Attribute: a")
			.invalid("Exists with a comparison operator",
					"{" + ITEM + ",'Expected':{'a':{'Exists':true,'ComparisonOperator':'NOT_NULL'}}}",
					INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: a")
			.invalid("a comparison without operands", "{" + ITEM + ",'Expected':{'a':{'ComparisonOperator':'EQ'}}}",
					INVALID + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a")
			.invalid("BETWEEN with one operand",
					"{" + ITEM + ",'Expected':{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'}]}}}",
					INVALID + "Invalid number of argument(s) for the BETWEEN ComparisonOperator")
			.invalid("operands of two types", "{" + ITEM
					+ ",'Expected':{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'S':'1'}]}}}",
					INVALID + "AttributeValues inside AttributeValueList must be of same type")
			.invalid("BETWEEN with the bounds swapped",
					"{" + ITEM + ",'Expected':{'a':{'ComparisonOperator':'BETWEEN',"
							+ "'AttributeValueList':[{'N':'10'},{'N':'9'}]}}}",
					"The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
			.invalid("operands without an operator",
					"{" + ITEM + ",'Expected':{'a':{'AttributeValueList':[{'S':'x'}]}}}",
					INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a")
			.invalid("a condition without a value", "{" + ITEM + ",'Expected':{'a':{'Exists':true}}}",
					INVALID + "Value must be provided when Exists is true for Attribute: a")
			.invalid("an empty condition", "{" + ITEM + ",'Expected':{'a':{}}}",
					INVALID + "Value must be provided when Exists is null for Attribute: a")
			.invalid("a value when the attribute must not exist",
					"{" + ITEM + ",'Expected':{'a':{'Exists':false,'Value':{'S':'x'}}}}",
					INVALID + "Value cannot be used when Exists is false for Attribute: a")
			.invalid("the item before ReturnValues", "{'TableName':'abc','Item':{'a':{}},'ReturnValues':'ALL_NEW'}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("ReturnValues before the item size",
					"{'TableName':'abc','Item':{'id':{'S':'" + "a".repeat(409_599)
							+ "'}},'ReturnValues':'UPDATED_OLD'}",
					"ReturnValues can only be ALL_OLD or NONE")
			.invalid("the item size before Expected",
					"{'TableName':'abc','Item':{'id':{'S':'" + "a".repeat(409_599) + "'}},'Expected':{'a':{}}}",
					"Item size has exceeded the maximum allowed size")
			.reachesExpressions("a condition expression after the item's checks",
					"{" + ITEM + ",'ConditionExpression':'attribute_not_exists(id)'}")
			.stream();
	}

	/** Eleven conditions with an unknown operator, and no table name or item. */
	private static String capped() {
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			conditions.add("'a" + i + "':{'ComparisonOperator':'X'}");
		}
		return "{'Expected':{" + String.join(",", conditions) + "}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>(List.of(nullAt("tableName"), nullAt("item")));
		for (int i = 0; i < 8; i++) {
			errors.add(error("X", "expected.a" + i + ".member.comparisonOperator", oneOf(OPERATORS)));
		}
		return errors.toArray(new String[0]);
	}

}
