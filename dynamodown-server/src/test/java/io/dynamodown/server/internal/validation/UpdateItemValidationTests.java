package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code UpdateItem}: types and constraints of {@code AttributeUpdates}, the mix of
 * legacy and expression parameters, the actions each value type allows, and the order of
 * the checks.
 */
class UpdateItemValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String KEY = "'TableName':'abc','Key':{'id':{'S':'a'}}";

	static Stream<ValidationCase> cases() {
		return new CaseTable("UpdateItem").valid("a key alone", "{" + KEY + "}")
			.valid("ReturnValues of ALL_NEW", "{" + KEY + ",'ReturnValues':'ALL_NEW'}")
			.valid("each action with a value it allows", "{" + KEY
					+ ",'AttributeUpdates':{'a':{'Action':'ADD','Value':{'N':'1'}},"
					+ "'b':{'Action':'ADD','Value':{'L':[{'S':'x'}]}},'c':{'Action':'DELETE','Value':{'BS':['AQ==']}},"
					+ "'d':{'Action':'PUT','Value':{'M':{'e':{'BOOL':true}}}},'f':{'Action':'DELETE'}}}")
			.serialization("an update given as a string", "{'AttributeUpdates':{'a':'x'}}",
					"Unexpected value type in payload")
			.serialization("an update given as a list", "{'AttributeUpdates':{'a':[]}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValueUpdate")
			.serialization("an update's value given as a string", "{'AttributeUpdates':{'a':{'Value':'x'}}}",
					"Unexpected field type")
			.serialization("an update's value given as a list", "{'AttributeUpdates':{'a':{'Value':[]}}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue")
			.serialization("an update's action given as a boolean", "{'AttributeUpdates':{'a':{'Action':true}}}",
					"TRUE_VALUE cannot be converted to String")
			.serialization("AttributeUpdates given as a list", "{'AttributeUpdates':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValueUpdate>")
			.serialization("an update expression given as a number", "{'UpdateExpression':1}",
					"NUMBER_VALUE cannot be converted to String")
			.constraints("an empty request", "{}", nullAt("tableName"), nullAt("key"))
			.constraints("an unknown action", "{" + KEY + ",'AttributeUpdates':{'a':{'Action':'REMOVE'}}}",
					error("REMOVE", "attributeUpdates.a.member.action", oneOf("ADD", "PUT", "DELETE")))
			.constraints("ReturnItemCollectionMetrics before ReturnValues, as the operation orders its members",
					"{" + KEY + ",'ReturnValues':'x','ReturnItemCollectionMetrics':'y'}",
					error("y", "returnItemCollectionMetrics", oneOf("SIZE", "NONE")),
					error("x", "returnValues", oneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW")))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("AttributeUpdates with an update expression",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'DELETE'}},'UpdateExpression':'REMOVE a'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}")
			.invalid("every legacy parameter with every expression",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'DELETE'}},'Expected':{'a':{'Exists':false}},"
							+ "'UpdateExpression':'REMOVE a','ConditionExpression':'x'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {AttributeUpdates, Expected} "
							+ "Expression parameters: {UpdateExpression, ConditionExpression}")
			.invalid("expression attribute values without an expression",
					"{" + KEY + ",'ExpressionAttributeValues':{':a':{'S':'a'}}}",
					"ExpressionAttributeValues can only be specified when using expressions: "
							+ "UpdateExpression and ConditionExpression are null")
			.invalid("PUT without a value", "{" + KEY + ",'AttributeUpdates':{'a':{'Action':'PUT'}}}",
					INVALID + "Only DELETE action is allowed when no attribute value is specified")
			.invalid("an update without action or value", "{" + KEY + ",'AttributeUpdates':{'a':{}}}",
					INVALID + "Only DELETE action is allowed when no attribute value is specified")
			.invalid("DELETE with a string",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'DELETE','Value':{'S':'x'}}}}",
					INVALID + "DELETE action with value is not supported for the type S")
			.invalid("ADD to a string", "{" + KEY + ",'AttributeUpdates':{'a':{'Action':'ADD','Value':{'S':'x'}}}}",
					INVALID + "ADD action is not supported for the type S")
			.invalid("ADD to a boolean",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'ADD','Value':{'BOOL':true}}}}",
					INVALID + "ADD action is not supported for the type BOOL")
			.invalid("an update of an empty value",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'ADD','Value':{}}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an update of an invalid number",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'ADD','Value':{'N':'1e200'}}}}",
					"Number overflow. Attempting to store a number with magnitude larger than supported range")
			.invalid("the parameter mix before the key",
					"{'TableName':'abc','Key':{'id':{}},'AttributeUpdates':{'a':{'Action':'DELETE'}},"
							+ "'ConditionExpression':'x'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}")
			.invalid("the key before the updates",
					"{'TableName':'abc','Key':{'id':{'NULL':false}},'AttributeUpdates':{'a':{'Action':'PUT'}}}",
					INVALID + "Null attribute value types must have the value of true")
			.invalid("the updates before Expected",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'PUT'}},'Expected':{'a':{}}}",
					INVALID + "Only DELETE action is allowed when no attribute value is specified")
			.invalid("Expected after the updates",
					"{" + KEY + ",'AttributeUpdates':{'a':{'Action':'DELETE'}},'Expected':{'a':{'Exists':false,"
							+ "'Value':{'S':'x'}}}}",
					INVALID + "Value cannot be used when Exists is false for Attribute: a")
			.reachesExpressions("an update expression after the key",
					"{" + KEY + ",'UpdateExpression':'SET a = :a','ExpressionAttributeValues':{':a':{'S':'x'}}}")
			.reachesExpressions("a condition expression alone",
					"{" + KEY + ",'ConditionExpression':'attribute_exists(id)'}")
			.stream();
	}

	/** Twelve updates of unknown actions and no key. */
	private static String capped() {
		List<String> updates = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			updates.add("'u" + i + "':{'Action':'SET'}");
		}
		return "{'TableName':'abc','AttributeUpdates':{" + String.join(",", updates) + "}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>(List.of(nullAt("key")));
		for (int i = 0; i < 9; i++) {
			errors.add(error("SET", "attributeUpdates.u" + i + ".member.action", oneOf("ADD", "PUT", "DELETE")));
		}
		return errors.toArray(new String[0]);
	}

}
