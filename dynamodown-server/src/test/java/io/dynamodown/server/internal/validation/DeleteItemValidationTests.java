package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code DeleteItem}: types, constraints in the operation's member order, the key,
 * {@code ReturnValues}, {@code Expected} and the order of these checks.
 */
class DeleteItemValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String KEY = "'TableName':'abc','Key':{'id':{'S':'a'}}";

	private static final String[] RETURN_VALUES = { "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW" };

	static Stream<ValidationCase> cases() {
		String longName = "t".repeat(256);
		return new CaseTable("DeleteItem").valid("a table name and a key", "{" + KEY + "}")
			.valid("ReturnValues of ALL_OLD", "{" + KEY + ",'ReturnValues':'ALL_OLD'}")
			.valid("a table name of 255 characters of every kind allowed",
					"{'TableName':'" + "aZ09_.-".repeat(36) + "abc','Key':{'id':{'S':'a'}}}")
			.serialization("a key given as a number", "{'Key':1}", "Unexpected field type")
			.serialization("a key attribute given as a boolean", "{'Key':{'id':true}}",
					"Unexpected value type in payload")
			.serialization("a string attribute given as a number", "{'Key':{'id':{'S':1}}}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("a number attribute given as a number", "{'Key':{'id':{'N':1.5}}}",
					"DECIMAL_VALUE cannot be converted to String")
			.serialization("a binary given as a number", "{'Key':{'id':{'B':1}}}",
					"only base-64-encoded strings are convertible to bytes")
			.serialization("Exists given as a number", "{'Expected':{'a':{'Exists':0}}}",
					"NUMBER_VALUE cannot be converted to Boolean")
			.serialization("a condition expression given as a list", "{'ConditionExpression':['x']}",
					"Unrecognized collection type class java.lang.String")
			.serialization("expression attribute names given as a list", "{'ExpressionAttributeNames':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>")
			.serialization("an expression attribute name given as an object", "{'ExpressionAttributeNames':{'#a':{}}}",
					"Start of structure or map found where not expected")
			.constraints("an empty request", "{}", nullAt("tableName"), nullAt("key"))
			.constraints("ReturnValues before the key, as the operation orders its members", "{'ReturnValues':'x'}",
					nullAt("tableName"), error("x", "returnValues", oneOf(RETURN_VALUES)), nullAt("key"))
			.constraints("a table name too long and outside the pattern",
					"{'TableName':'" + longName + "!','Key':{'id':{'S':'a'}}}",
					error(longName + "!", "tableName", NAME_PATTERN),
					error(longName + "!", "tableName", maxLength(255)))
			.constraints("a table name of two characters", "{'TableName':'ab','Key':{'id':{'S':'a'}}}",
					error("ab", "tableName", minLength(3)))
			.constraints("at most ten errors", capped(), cappedErrors())
			.constraints("constraints before the parameter mix",
					"{" + KEY + ",'ReturnValues':'x','Expected':{'a':{'Exists':false}},'ConditionExpression':'x'}",
					error("x", "returnValues", oneOf(RETURN_VALUES)))
			.invalid("Expected with a condition expression",
					"{" + KEY + ",'Expected':{'a':{'Exists':false}},'ConditionExpression':'x'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}")
			.invalid("expression attribute names without an expression",
					"{" + KEY + ",'ExpressionAttributeNames':{'#a':'a'}}",
					"ExpressionAttributeNames can only be specified when using expressions")
			.invalid("expression attribute values without an expression",
					"{" + KEY + ",'ExpressionAttributeValues':{':a':{'S':'a'}}}",
					"ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null")
			.invalid("an empty key attribute", "{'TableName':'abc','Key':{'id':{}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("a key number with a letter", "{'TableName':'abc','Key':{'id':{'N':'1x'}}}",
					"The parameter cannot be converted to a numeric value: 1x")
			.invalid("an empty key number", "{'TableName':'abc','Key':{'id':{'N':''}}}",
					"The parameter cannot be converted to a numeric value")
			.invalid("ReturnValues of UPDATED_NEW", "{" + KEY + ",'ReturnValues':'UPDATED_NEW'}",
					"ReturnValues can only be ALL_OLD or NONE")
			.invalid("a condition on a value of two types",
					"{" + KEY + ",'Expected':{'a':{'Value':{'S':'x','N':'1'}}}}",
					"Supplied AttributeValue has more than one datatypes set, "
							+ "must contain exactly one of the supported datatypes")
			.invalid("NULL with an operand",
					"{" + KEY + ",'Expected':{'a':{'ComparisonOperator':'NULL','Value':{'S':'x'}}}}",
					INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator")
			.invalid("the parameter mix before the key",
					"{'TableName':'abc','Key':{'id':{}},'ExpressionAttributeNames':{'#a':'a'}}",
					"ExpressionAttributeNames can only be specified when using expressions")
			.invalid("the key before ReturnValues", "{'TableName':'abc','Key':{'id':{}},'ReturnValues':'ALL_NEW'}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("ReturnValues before Expected", "{" + KEY + ",'ReturnValues':'ALL_NEW','Expected':{'a':{}}}",
					"ReturnValues can only be ALL_OLD or NONE")
			.reachesExpressions("a condition expression after the key",
					"{" + KEY + ",'ConditionExpression':'#a = :a','ExpressionAttributeNames':{'#a':'a'},"
							+ "'ExpressionAttributeValues':{':a':{'S':'x'}}}")
			.stream();
	}

	/** Eleven conditions with an unknown operator and an unknown ReturnValues. */
	private static String capped() {
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			conditions.add("'c" + i + "':{'ComparisonOperator':'LIKE'}");
		}
		return "{" + KEY + ",'ReturnValues':'SOME','Expected':{" + String.join(",", conditions) + "}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>(List.of(error("SOME", "returnValues", oneOf(RETURN_VALUES))));
		for (int i = 0; i < 9; i++) {
			errors.add(error("LIKE", "expected.c" + i + ".member.comparisonOperator",
					oneOf(PutItemValidationTests.OPERATORS)));
		}
		return errors.toArray(new String[0]);
	}

}
