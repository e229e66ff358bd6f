package io.dynamodown.server.internal.validation;

import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.required;
import static io.dynamodown.server.internal.validation.CaseTable.tableNameLength;

/**
 * {@code UpdateTimeToLive}: the table name reported alone, then the specification's types
 * and constraints.
 */
class UpdateTimeToLiveValidationTests extends OperationValidationTests {

	private static final String SPEC = "'TimeToLiveSpecification':{'AttributeName':'expires','Enabled':true}";

	static Stream<ValidationCase> cases() {
		return new CaseTable("UpdateTimeToLive").valid("expiry enabled", "{'TableName':'abc'," + SPEC + "}")
			.valid("expiry disabled, given as a string",
					"{'TableName':'abc','TimeToLiveSpecification':{'AttributeName':'e','Enabled':'false'}}")
			.valid("an attribute name of 255 characters",
					"{'TableName':'abc','TimeToLiveSpecification':{'AttributeName':'" + "e".repeat(255)
							+ "','Enabled':true}}")
			.serialization("a specification given as a string", "{'TimeToLiveSpecification':'x'}",
					"Unexpected field type")
			.serialization("a specification given as a list", "{'TimeToLiveSpecification':[]}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TimeToLiveSpecification")
			.serialization("Enabled given as a number", "{'TimeToLiveSpecification':{'Enabled':1}}",
					"NUMBER_VALUE cannot be converted to Boolean")
			.serialization("Enabled given as an unknown word", "{'TimeToLiveSpecification':{'Enabled':'on'}}",
					"Unexpected token received from parser")
			.serialization("Enabled given as a list", "{'TimeToLiveSpecification':{'Enabled':[]}}",
					"Unrecognized collection type class java.lang.Boolean")
			.serialization("the attribute name given as true", "{'TimeToLiveSpecification':{'AttributeName':true}}",
					"TRUE_VALUE cannot be converted to String")
			.invalid("no table name", "{" + SPEC + "}", required("TableName"))
			.invalid("no table name before a missing specification", "{}", required("TableName"))
			.invalid("a table name too short, reported alone", "{'TableName':'ab'}", tableNameLength())
			.constraints("no specification", "{'TableName':'abc'}", nullAt("timeToLiveSpecification"))
			.constraints("an empty specification", "{'TableName':'abc','TimeToLiveSpecification':{}}",
					nullAt("timeToLiveSpecification.attributeName"), nullAt("timeToLiveSpecification.enabled"))
			.constraints("an empty attribute name",
					"{'TableName':'abc','TimeToLiveSpecification':{'AttributeName':'','Enabled':true}}",
					error("", "timeToLiveSpecification.attributeName", minLength(1)))
			.constraints("an attribute name of 256 characters",
					"{'TableName':'abc','TimeToLiveSpecification':{'AttributeName':'" + "e".repeat(256)
							+ "','Enabled':true}}",
					error("e".repeat(256), "timeToLiveSpecification.attributeName", maxLength(255)))
			.constraints("a table name outside the pattern before the specification", "{'TableName':'a:b'}",
					error("a:b", "tableName", NAME_PATTERN), nullAt("timeToLiveSpecification"))
			.stream();
	}

}
