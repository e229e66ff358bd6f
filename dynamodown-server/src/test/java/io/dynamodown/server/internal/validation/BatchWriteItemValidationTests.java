package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.Collections;
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
 * {@code BatchWriteItem}: types of the write requests, table names as map keys, 1 to 25
 * requests per table, puts and deletes of valid items and keys, and the order of these
 * checks.
 */
class BatchWriteItemValidationTests extends OperationValidationTests {

	private static final String PER_TABLE = "Map value must satisfy constraint: [" + maxLength(25) + ", " + minLength(1)
			+ "]";

	static Stream<ValidationCase> cases() {
		return new CaseTable("BatchWriteItem").valid("a put and a delete",
				"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'id':{'S':'a'}}}},{'DeleteRequest':{'Key':{'id':{'S':'b'}}}}]}}")
			.valid("25 deletes", "{'RequestItems':{'abc':" + deletes(25) + "}}")
			.serialization("request items given as a list", "{'RequestItems':[]}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>")
			.serialization("a table's requests given as a string", "{'RequestItems':{'abc':'x'}}",
					"class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
							+ "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and "
							+ "java.lang.Class are in module java.base of loader 'bootstrap')")
			.serialization("a table's requests given as an object", "{'RequestItems':{'abc':{}}}",
					"Start of structure or map found where not expected")
			.serialization("a write request given as a string", "{'RequestItems':{'abc':['x']}}",
					"Unexpected value type in payload")
			.serialization("a write request given as a list", "{'RequestItems':{'abc':[[]]}}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.WriteRequest")
			.serialization("a put request given as a string", "{'RequestItems':{'abc':[{'PutRequest':'x'}]}}",
					"Unexpected field type")
			.serialization("a delete request's key given as a list",
					"{'RequestItems':{'abc':[{'DeleteRequest':{'Key':[]}}]}}",
					"Unrecognized collection type java.util.Map<java.lang.String, "
							+ "com.amazonaws.dynamodb.v20120810.AttributeValue>")
			.serialization("a number attribute given as a boolean",
					"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'n':{'N':false}}}}]}}",
					"FALSE_VALUE cannot be converted to String")
			.constraints("an empty request", "{}", nullAt("requestItems"))
			.constraints("no tables", "{'RequestItems':{}}", error("{}", "requestItems", minLength(1)))
			.constraints("a table without requests", "{'RequestItems':{'abc':[]}}",
					error("{\"abc\":[]}", "requestItems", PER_TABLE))
			.constraints("a table with 26 requests", "{'RequestItems':{'abc':" + deletes(26) + "}}",
					error("{\"abc\":" + renderedDeletes(26) + "}", "requestItems", PER_TABLE))
			.constraints("a table name too long",
					"{'RequestItems':{'" + "t".repeat(256) + "':[{'DeleteRequest':{'Key':{'id':{'S':'a'}}}}]}}",
					error("{\"" + "t".repeat(256) + "\":[{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"a\"}}}}]}",
							"requestItems", keys(maxLength(255), minLength(3), NAME_PATTERN)))
			.constraints("a put request without an item", "{'RequestItems':{'abc':[{'PutRequest':{}}]}}",
					nullAt("requestItems.abc.member.1.member.putRequest.item"))
			.constraints("a delete request without a key, second in its table",
					"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'id':{'S':'a'}}}},{'DeleteRequest':{}}]}}",
					nullAt("requestItems.abc.member.2.member.deleteRequest.key"))
			.constraints("an unknown ReturnItemCollectionMetrics",
					"{'ReturnItemCollectionMetrics':'ALL','RequestItems':{'abc':" + deletes(1) + "}}",
					error("ALL", "returnItemCollectionMetrics", oneOf("SIZE", "NONE")))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("a write request with neither put nor delete", "{'RequestItems':{'abc':[{}]}}",
					"Supplied AttributeValue has more than one datatypes set, "
							+ "must contain exactly one of the supported datatypes")
			.invalid("an empty attribute in an item",
					"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'id':{'S':'a'},'b':{}}}}]}}",
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			.invalid("an item over 400 KB",
					"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'id':{'S':'" + "a".repeat(409_599) + "'}}}}]}}",
					"Item size has exceeded the maximum allowed size")
			.invalid("a number set with a duplicate in a key",
					"{'RequestItems':{'abc':[{'DeleteRequest':{'Key':{'id':{'NS':['2','2.00']}}}}]}}",
					"Input collection contains duplicates")
			.invalid("an empty write request, found before any item is checked",
					"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'id':{}}}},{}]}}",
					"Supplied AttributeValue has more than one datatypes set, "
							+ "must contain exactly one of the supported datatypes")
			.invalid("the first table's requests before the second's",
					"{'RequestItems':{'abc':[{'DeleteRequest':{'Key':{'id':{'N':'x'}}}}],'def':[{}]}}",
					"The parameter cannot be converted to a numeric value: x")
			.stream();
	}

	private static String deletes(int count) {
		List<String> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add("{'DeleteRequest':{'Key':{'id':{'S':'k" + i + "'}}}}");
		}
		return "[" + String.join(",", requests) + "]";
	}

	/** The deletes as compact JSON, as a constraint message shows a map. */
	private static String renderedDeletes(int count) {
		List<String> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add("{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"k" + i + "\"}}}}");
		}
		return "[" + String.join(",", requests) + "]";
	}

	/** Eleven puts without items. */
	private static String capped() {
		return "{'RequestItems':{'abc':[" + String.join(",", Collections.nCopies(11, "{'PutRequest':{}}")) + "]}}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			errors.add(nullAt("requestItems.abc.member." + i + ".member.putRequest.item"));
		}
		return errors.toArray(new String[0]);
	}

}
