package io.dynamodown.server.internal.validation;

import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.required;
import static io.dynamodown.server.internal.validation.CaseTable.tableNameLength;

/**
 * {@code DeleteTable}, {@code DescribeTable} and {@code DescribeTimeToLive}, whose
 * request is a table name alone: its type, its presence and length reported alone, then
 * its pattern.
 */
class TableNameOperationsValidationTests extends OperationValidationTests {

	static Stream<ValidationCase> cases() {
		return Stream.of("DeleteTable", "DescribeTable", "DescribeTimeToLive")
			.flatMap(TableNameOperationsValidationTests::cases);
	}

	private static Stream<ValidationCase> cases(String operation) {
		String longest = "aZ09_.-".repeat(36) + "abc";
		return new CaseTable(operation).valid("a table name of three characters", "{'TableName':'abc'}")
			.valid("a table name of 255 characters of every kind allowed", "{'TableName':'" + longest + "'}")
			.valid("an unknown member, ignored", "{'TableName':'abc','Limit':'x'}")
			.serialization("a table name given as false", "{'TableName':false}",
					"FALSE_VALUE cannot be converted to String")
			.serialization("a table name given as an integer", "{'TableName':123}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("a table name given as a decimal", "{'TableName':12.5}",
					"DECIMAL_VALUE cannot be converted to String")
			.serialization("a table name given as a list", "{'TableName':['abc']}",
					"Unrecognized collection type class java.lang.String")
			.serialization("a table name given as an object", "{'TableName':{'S':'abc'}}",
					"Start of structure or map found where not expected")
			.invalid("no table name", "{}", required("TableName"))
			.invalid("a null table name", "{'TableName':null}", required("TableName"))
			.invalid("an empty table name", "{'TableName':''}", tableNameLength())
			.invalid("a table name of two characters", "{'TableName':'ab'}", tableNameLength())
			.invalid("a table name of 256 characters", "{'TableName':'" + longest + "d'}", tableNameLength())
			.invalid("a short table name outside the pattern: its length first", "{'TableName':'a!'}",
					tableNameLength())
			.constraints("a table name with a space", "{'TableName':'a b'}", error("a b", "tableName", NAME_PATTERN))
			.constraints("a table name with a non-ASCII letter", "{'TableName':'tablé'}",
					error("tablé", "tableName", NAME_PATTERN))
			.stream();
	}

}
