package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.atLeast;
import static io.dynamodown.server.internal.validation.CaseTable.atMost;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * {@code Scan}: types, constraints, parallel scan segments, legacy filters, the start
 * key, {@code Select} against the projection, and the order of these checks.
 */
class ScanValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String TABLE = "'TableName':'abc'";

	static Stream<ValidationCase> cases() {
		return new CaseTable("Scan").valid("a table name", "{" + TABLE + "}")
			.valid("a zero segment alone", "{" + TABLE + ",'Segment':0}")
			.valid("the last segment", "{" + TABLE + ",'Segment':999999,'TotalSegments':1000000}")
			.valid("a filter of each operand count",
					"{" + TABLE + ",'ScanFilter':{'a':{'ComparisonOperator':'NULL'},'b':{'ComparisonOperator':'IN',"
							+ "'AttributeValueList':[{'N':'1'},{'N':'2'},{'N':'3'}]},'c':{'ComparisonOperator':'NE',"
							+ "'AttributeValueList':[{'NS':['1']}]}}}")
			.serialization("a segment given as a string", "{'Segment':'1'}",
					"STRING_VALUE cannot be converted to Integer")
			.serialization("total segments given as false", "{'TotalSegments':false}",
					"FALSE_VALUE cannot be converted to Integer")
			.serialization("a filter operand list given as a string", "{'ScanFilter':{'a':{'AttributeValueList':'x'}}}",
					"Unexpected field type")
			.serialization("a filter operand list given as an object", "{'ScanFilter':{'a':{'AttributeValueList':{}}}}",
					"Start of structure or map found where not expected")
			.serialization("a start key given as a list", "{'ExclusiveStartKey':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("TotalSegments before Segment, as the operation orders its members",
					"{'Segment':'x','TotalSegments':'y'}", "STRING_VALUE cannot be converted to Integer")
			.constraints("an empty request", "{}", nullAt("tableName"))
			.constraints("zero total segments", "{" + TABLE + ",'Segment':0,'TotalSegments':0}",
					error("0", "totalSegments", atLeast(1)))
			.constraints("too many total segments", "{" + TABLE + ",'Segment':0,'TotalSegments':1000001}",
					error("1000001", "totalSegments", atMost(1000000)))
			.constraints("a negative segment", "{" + TABLE + ",'Segment':-1,'TotalSegments':2}",
					error("-1", "segment", atLeast(0)))
			.constraints("a segment too large", "{" + TABLE + ",'Segment':1000000,'TotalSegments':2}",
					error("1000000", "segment", atMost(999999)))
			.constraints("a filter without an operator", "{" + TABLE + ",'ScanFilter':{'a':{}}}",
					nullAt("scanFilter.a.member.comparisonOperator"))
			.constraints("an unknown operator in a filter",
					"{" + TABLE + ",'ScanFilter':{'a':{'ComparisonOperator':'eq'}}}",
					error("eq", "scanFilter.a.member.comparisonOperator", oneOf(PutItemValidationTests.OPERATORS)))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("a segment without total segments", "{" + TABLE + ",'Segment':1}",
					"The TotalSegments parameter is required but was not present in the request "
							+ "when Segment parameter is present")
			.invalid("total segments without a segment", "{" + TABLE + ",'TotalSegments':2}",
					"The Segment parameter is required but was not present in the request "
							+ "when parameter TotalSegments is present")
			.invalid("a segment equal to total segments", "{" + TABLE + ",'Segment':4,'TotalSegments':4}",
					"The Segment parameter is zero-based and must be less than parameter TotalSegments: "
							+ "Segment: 4 is not less than TotalSegments: 4")
			.invalid("a scan filter with a projection expression",
					"{" + TABLE + ",'ScanFilter':{'a':{'ComparisonOperator':'NOT_NULL'}},'ProjectionExpression':'a'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {ScanFilter} Expression parameters: {ProjectionExpression}")
			.invalid("a conditional operator with a filter expression",
					"{" + TABLE + ",'ConditionalOperator':'AND','FilterExpression':'x'}",
					"Can not use both expression and non-expression parameters in the same request: "
							+ "Non-expression parameters: {ConditionalOperator} Expression parameters: {FilterExpression}")
			.invalid("expression attribute values with only a projection expression",
					"{" + TABLE + ",'ProjectionExpression':'a','ExpressionAttributeValues':{':a':{'S':'a'}}}",
					"ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null")
			.invalid("BETWEEN of a set in a filter",
					"{" + TABLE + ",'ScanFilter':{'a':{'ComparisonOperator':'BETWEEN',"
							+ "'AttributeValueList':[{'SS':['a']},{'SS':['b']}]}}}",
					INVALID + "ComparisonOperator BETWEEN is not valid for SS AttributeValue type")
			.invalid("IN without operands", "{" + TABLE + ",'ScanFilter':{'a':{'ComparisonOperator':'IN'}}}",
					INVALID + "Invalid number of argument(s) for the IN ComparisonOperator")
			.invalid("an empty operand in a filter",
					"{" + TABLE + ",'ScanFilter':{'a':{'ComparisonOperator':'EQ','AttributeValueList':[{}]}}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("a start key of two types", "{" + TABLE + ",'ExclusiveStartKey':{'id':{'S':'a','B':'AQ=='}}}",
					"The provided starting key is invalid: Supplied AttributeValue has more than one datatypes set, "
							+ "must contain exactly one of the supported datatypes")
			.invalid("AttributesToGet with ALL_ATTRIBUTES",
					"{" + TABLE + ",'Select':'ALL_ATTRIBUTES','AttributesToGet':['a']}",
					"Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES")
			.invalid("ALL_PROJECTED_ATTRIBUTES without an index", "{" + TABLE + ",'Select':'ALL_PROJECTED_ATTRIBUTES'}",
					"ALL_PROJECTED_ATTRIBUTES can be used only when Scanning using an IndexName")
			.invalid("AttributesToGet before the filter",
					"{" + TABLE + ",'AttributesToGet':['a','a'],'ScanFilter':{'a':{'ComparisonOperator':'GT'}}}",
					INVALID + "Duplicate value in attribute name: a")
			.invalid("the start key before the segments", "{" + TABLE + ",'ExclusiveStartKey':{'id':{}},'Segment':1}",
					"The provided starting key is invalid: "
							+ "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("the segments before the expressions", "{" + TABLE + ",'Segment':1,'FilterExpression':'x'}",
					"The TotalSegments parameter is required but was not present in the request "
							+ "when Segment parameter is present")
			.reachesExpressions("the expressions before Select",
					"{" + TABLE + ",'FilterExpression':'a > :a','ExpressionAttributeValues':{':a':{'N':'1'}},"
							+ "'Select':'ALL_PROJECTED_ATTRIBUTES'}")
			.stream();
	}

	/** Twelve filters of unknown operators and an unknown Select. */
	private static String capped() {
		List<String> filters = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			filters.add("'f" + i + "':{'ComparisonOperator':'ANY'}");
		}
		return "{" + TABLE + ",'Select':'SOME','ScanFilter':{" + String.join(",", filters) + "}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>(List.of(error("SOME", "select",
				oneOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"))));
		for (int i = 0; i < 9; i++) {
			errors.add(error("ANY", "scanFilter.f" + i + ".member.comparisonOperator",
					oneOf(PutItemValidationTests.OPERATORS)));
		}
		return errors.toArray(new String[0]);
	}

}
