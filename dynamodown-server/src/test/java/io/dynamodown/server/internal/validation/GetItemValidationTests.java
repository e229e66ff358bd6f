package io.dynamodown.server.internal.validation;

import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code GetItem}: types, the table name and key, projections, attribute values.
 */
class GetItemValidationTests extends OperationValidationTests {

	private static final String KEY = "'Key':{'id':{'S':'a'}}";

	static Stream<ValidationCase> cases() {
		String longName = "a".repeat(256);
		return new CaseTable("GetItem").valid("a table name and a key", "{'TableName':'abc'," + KEY + "}")
			.valid("a boolean given as a string", "{'TableName':'abc'," + KEY + ",'ConsistentRead':'yes'}")
			.serialization("a table name given as true", "{'TableName':true}",
					"TRUE_VALUE cannot be converted to String")
			.serialization("a table name given as an integer", "{'TableName':12}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("a table name given as a decimal", "{'TableName':1.5}",
					"DECIMAL_VALUE cannot be converted to String")
			.serialization("a table name given as a list", "{'TableName':[]}",
					"Unrecognized collection type class java.lang.String")
			.serialization("a table name given as an object", "{'TableName':{}}",
					"Start of structure or map found where not expected")
			.serialization("ConsistentRead given as a number", "{'ConsistentRead':1}",
					"NUMBER_VALUE cannot be converted to Boolean")
			.serialization("ConsistentRead given as an unknown word", "{'ConsistentRead':'maybe'}",
					"Unexpected token received from parser")
			.serialization("a key given as a string", "{'Key':'a'}", "Unexpected field type")
			.serialization("a key given as a list", "{'Key':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("a key attribute given as a string", "{'Key':{'id':'a'}}",
					"Unexpected value type in payload")
			.serialization("a key attribute given as a list", "{'Key':{'id':[]}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue")
			.serialization("a binary of three characters", "{'Key':{'id':{'B':'abc'}}}",
					"Base64 encoded length is expected a multiple of 4 bytes but found: 3")
			.serialization("a binary with stray bits in its last character", "{'Key':{'id':{'B':'AB=='}}}",
					"Invalid last non-pad Base64 character dectected")
			.serialization("AttributesToGet given as a string", "{'AttributesToGet':'a'}", "Unexpected field type")
			.serialization("the first wrong type in the operation's member order, not the body's",
					"{'TableName':true,'ReturnConsumedCapacity':1}", "NUMBER_VALUE cannot be converted to String")
			.serialization("types before constraints", "{'TableName':'a','ConsistentRead':2}",
					"NUMBER_VALUE cannot be converted to Boolean")
			.constraints("an empty request", "{}", nullAt("tableName"), nullAt("key"))
			.constraints("a table name too short", "{'TableName':'ab'," + KEY + "}",
					error("ab", "tableName", minLength(3)))
			.constraints("a table name with a character outside the pattern", "{'TableName':'ab!'," + KEY + "}",
					error("ab!", "tableName", NAME_PATTERN))
			.constraints("an empty table name", "{'TableName':''," + KEY + "}", error("", "tableName", NAME_PATTERN),
					error("", "tableName", minLength(3)))
			.constraints("a table name too long", "{'TableName':'" + longName + "'," + KEY + "}",
					error(longName, "tableName", maxLength(255)))
			.constraints("an unknown ReturnConsumedCapacity",
					"{'TableName':'abc'," + KEY + ",'ReturnConsumedCapacity':'ALL'}",
					error("ALL", "returnConsumedCapacity", oneOf("INDEXES", "TOTAL", "NONE")))
			.constraints("an empty AttributesToGet", "{'TableName':'abc'," + KEY + ",'AttributesToGet':[]}",
					error("[]", "attributesToGet", minLength(1)))
			.constraints("every constraint error, in the operation's member order",
					"{'Key':null,'TableName':'','AttributesToGet':[],'ReturnConsumedCapacity':'x'}",
					error("x", "returnConsumedCapacity", oneOf("INDEXES", "TOTAL", "NONE")),
					error("[]", "attributesToGet", minLength(1)), error("", "tableName", NAME_PATTERN),
					error("", "tableName", minLength(3)), nullAt("key"))
			.constraints("constraints before the operation's checks",
					"{'TableName':'ab','Key':{'id':{}},'AttributesToGet':['a'],'ProjectionExpression':'a'}",
					error("ab", "tableName", minLength(3)))
			.invalid("AttributesToGet with a projection expression",
					"{'TableName':'abc'," + KEY + ",'AttributesToGet':['a'],'ProjectionExpression':'a'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
			.invalid("expression attribute names without an expression",
					"{'TableName':'abc'," + KEY + ",'ExpressionAttributeNames':{'#a':'a'}}",
					"ExpressionAttributeNames can only be specified when using expressions")
			.invalid("the parameter mix before the key",
					"{'TableName':'abc','Key':{'id':{}},'AttributesToGet':['a'],'ProjectionExpression':'a'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
			.invalid("an empty attribute value", "{'TableName':'abc','Key':{'id':{}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an attribute value of two types", "{'TableName':'abc','Key':{'id':{'S':'a','N':'1'}}}",
					"Supplied AttributeValue has more than one datatypes set, "
							+ "must contain exactly one of the supported datatypes")
			.invalid("a number that is not one", "{'TableName':'abc','Key':{'id':{'N':'abc'}}}",
					"The parameter cannot be converted to a numeric value: abc")
			.invalid("a number too large", "{'TableName':'abc','Key':{'id':{'N':'1e126'}}}",
					"Number overflow. Attempting to store a number with magnitude larger than supported range")
			.invalid("a number of 39 significant digits",
					"{'TableName':'abc','Key':{'id':{'N':'123456789012345678901234567890123456789'}}}",
					"Attempting to store more than 38 significant digits in a Number")
			.invalid("an empty number set", "{'TableName':'abc','Key':{'id':{'NS':[]}}}",
					"One or more parameter values were invalid: An number set  may not be empty")
			.invalid("a string set with a duplicate", "{'TableName':'abc','Key':{'id':{'SS':['a','a']}}}",
					"One or more parameter values were invalid: Input collection [a, a] contains duplicates.")
			.invalid("NULL of false", "{'TableName':'abc','Key':{'id':{'NULL':false}}}",
					"One or more parameter values were invalid: Null attribute value types must have the value of true")
			.invalid("an attribute named twice in AttributesToGet",
					"{'TableName':'abc'," + KEY + ",'AttributesToGet':['a','b','a']}",
					"One or more parameter values were invalid: Duplicate value in attribute name: a")
			.invalid("the key before AttributesToGet",
					"{'TableName':'abc','Key':{'id':{}},'AttributesToGet':['a','a']}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.reachesExpressions("a projection expression after the key",
					"{'TableName':'abc'," + KEY + ",'ProjectionExpression':'#a','ExpressionAttributeNames':{'#a':'a'}}")
			.stream();
	}

}
