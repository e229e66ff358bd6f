package io.dynamodown.server.internal.validation;

import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.atLeast;
import static io.dynamodown.server.internal.validation.CaseTable.atMost;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;

/**
 * {@code ListTables}: a page size of 1 to 100, floored, and a start table name checked
 * among the constraints.
 */
class ListTablesValidationTests extends OperationValidationTests {

	static Stream<ValidationCase> cases() {
		return new CaseTable("ListTables").valid("an empty request", "{}")
			.valid("the largest page", "{'Limit':100}")
			.valid("a page size that floors to 100", "{'Limit':100.9}")
			.valid("a page size with an exponent", "{'Limit':1e2}")
			.valid("a start table name", "{'ExclusiveStartTableName':'abc'}")
			.serialization("a limit given as a string", "{'Limit':'5'}", "STRING_VALUE cannot be converted to Integer")
			.serialization("a limit given as false", "{'Limit':false}", "FALSE_VALUE cannot be converted to Integer")
			.serialization("a limit given as a list", "{'Limit':[5]}",
					"Unrecognized collection type class java.lang.Integer")
			.serialization("a limit given as an object", "{'Limit':{}}",
					"Start of structure or map found where not expected")
			.serialization("a start table name given as a number", "{'ExclusiveStartTableName':5}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("types before constraints", "{'Limit':0,'ExclusiveStartTableName':true}",
					"TRUE_VALUE cannot be converted to String")
			.constraints("a limit of zero", "{'Limit':0}", error("0", "limit", atLeast(1)))
			.constraints("a limit that floors to zero", "{'Limit':0.9}", error("0", "limit", atLeast(1)))
			.constraints("a negative limit", "{'Limit':-1}", error("-1", "limit", atLeast(1)))
			.constraints("a limit of 101", "{'Limit':101}", error("101", "limit", atMost(100)))
			.constraints("a limit beyond an integer", "{'Limit':2147483648}", error("2147483648", "limit", atMost(100)))
			.constraints("a start table name too short", "{'ExclusiveStartTableName':'ab'}",
					error("ab", "exclusiveStartTableName", minLength(3)))
			.constraints("an empty start table name", "{'ExclusiveStartTableName':''}",
					error("", "exclusiveStartTableName", NAME_PATTERN),
					error("", "exclusiveStartTableName", minLength(3)))
			.constraints("a start table name too long", "{'ExclusiveStartTableName':'" + "x".repeat(256) + "'}",
					error("x".repeat(256), "exclusiveStartTableName", maxLength(255)))
			.constraints("both members, the limit first", "{'ExclusiveStartTableName':'a*c','Limit':500}",
					error("500", "limit", atMost(100)), error("a*c", "exclusiveStartTableName", NAME_PATTERN))
			.stream();
	}

}
