package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.atLeast;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;
import static io.dynamodown.server.internal.validation.CaseTable.required;
import static io.dynamodown.server.internal.validation.CaseTable.tableNameLength;

/**
 * {@code UpdateTable}: the table name reported alone, types and constraints of the
 * changes, the need for a change, billing against throughput, index updates, streams,
 * encryption, table class, and the order of these checks.
 */
class UpdateTableValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String TABLE = "'TableName':'abc'";

	private static final String THROUGHPUT = "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}";

	static Stream<ValidationCase> cases() {
		return new CaseTable("UpdateTable").valid("new throughput", "{" + TABLE + "," + THROUGHPUT + "}")
			.valid("deletion protection alone", "{" + TABLE + ",'DeletionProtectionEnabled':true}")
			.valid("an index deleted", "{" + TABLE + ",'GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'old'}}]}")
			.valid("on demand", "{" + TABLE + ",'BillingMode':'PAY_PER_REQUEST'}")
			.serialization("capacity given as true", "{'ProvisionedThroughput':{'WriteCapacityUnits':true}}",
					"TRUE_VALUE cannot be converted to Long")
			.serialization("an index update given as a string", "{'GlobalSecondaryIndexUpdates':['x']}",
					"Unexpected value type in payload")
			.serialization("an index update's action given as a string",
					"{'GlobalSecondaryIndexUpdates':[{'Update':'x'}]}", "Unexpected field type")
			.serialization("index updates given as an object", "{'GlobalSecondaryIndexUpdates':{}}",
					"Start of structure or map found where not expected")
			.serialization("deletion protection given as a decimal", "{'DeletionProtectionEnabled':0.5}",
					"DECIMAL_VALUE cannot be converted to Boolean")
			.invalid("no table name", "{" + THROUGHPUT + "}", required("TableName"))
			.invalid("a table name too long, reported alone",
					"{'TableName':'" + "t".repeat(256) + "','BillingMode':'x'}", tableNameLength())
			.constraints("a table name outside the pattern", "{'TableName':'a/b'," + THROUGHPUT + "}",
					error("a/b", "tableName", NAME_PATTERN))
			.constraints("throughput without write capacity",
					"{" + TABLE + ",'ProvisionedThroughput':{'ReadCapacityUnits':1}}",
					nullAt("provisionedThroughput.writeCapacityUnits"))
			.constraints("an unknown billing mode", "{" + TABLE + ",'BillingMode':'FREE'}",
					error("FREE", "billingMode", oneOf("PROVISIONED", "PAY_PER_REQUEST")))
			.constraints("an index update without throughput",
					"{" + TABLE + ",'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'idx'}}]}",
					nullAt("globalSecondaryIndexUpdates.1.member.update.provisionedThroughput"))
			.constraints("an index creation without projection or key schema",
					"{" + TABLE + ",'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'idx'}}]}",
					nullAt("globalSecondaryIndexUpdates.1.member.create.projection"),
					nullAt("globalSecondaryIndexUpdates.1.member.create.keySchema"))
			.constraints("an index deletion without a name",
					"{" + TABLE + ",'GlobalSecondaryIndexUpdates':[{'Delete':{}}]}",
					nullAt("globalSecondaryIndexUpdates.1.member.delete.indexName"))
			.constraints("negative index capacity",
					"{" + TABLE
							+ ",'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'idx','ProvisionedThroughput':"
							+ "{'ReadCapacityUnits':-1,'WriteCapacityUnits':1}}}]}",
					error("-1", "globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits",
							atLeast(1)))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("no change", "{" + TABLE + "}",
					"At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates "
							+ "or SSESpecification or ReplicaUpdates is required")
			.invalid("attribute definitions alone are no change",
					"{" + TABLE + ",'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'}]}",
					"At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates "
							+ "or SSESpecification or ReplicaUpdates is required")
			.invalid("provisioned billing without throughput", "{" + TABLE + ",'BillingMode':'PROVISIONED'}",
					INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
			.invalid("throughput on demand", "{" + TABLE + ",'BillingMode':'PAY_PER_REQUEST'," + THROUGHPUT + "}",
					INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
							+ "PAY_PER_REQUEST")
			.invalid("write capacity out of bounds",
					"{" + TABLE
							+ ",'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1000000000001}}",
					"Given value 1000000000001 for WriteCapacityUnits is out of bounds")
			.invalid("an index update without an action", "{" + TABLE + ",'GlobalSecondaryIndexUpdates':[{}]}",
					INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
							+ "GlobalSecondaryIndexUpdate.Delete must not be null")
			.invalid("two updates of one index",
					"{" + TABLE
							+ ",'GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'idx'}},{'Update':{'IndexName':"
							+ "'idx'," + THROUGHPUT + "}}]}",
					INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: idx")
			.invalid("a stream enabled without a view type",
					"{" + TABLE + ",'StreamSpecification':{'StreamEnabled':true}}",
					INVALID + "If stream is being enabled then UpdateViewType is required")
			.invalid("a key with encryption disabled",
					"{" + TABLE + ",'SSESpecification':{'Enabled':false,'SSEType':'KMS'}}",
					INVALID + "SSEType can not be specified if Enabled is false")
			.invalid("an unknown table class", "{" + TABLE + ",'TableClass':'ARCHIVE'}",
					"Invalid table-class parameter provided. Please try again with a valid table-class value: "
							+ "[STANDARD, STANDARD_INFREQUENT_ACCESS].")
			.invalid("billing before capacity bounds",
					"{" + TABLE + ",'BillingMode':'PAY_PER_REQUEST','ProvisionedThroughput':{'ReadCapacityUnits':"
							+ "1000000000001,'WriteCapacityUnits':1}}",
					INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
							+ "PAY_PER_REQUEST")
			.invalid("capacity bounds before index updates",
					"{" + TABLE + ",'ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':1},"
							+ "'GlobalSecondaryIndexUpdates':[{}]}",
					"Given value 1000000000001 for ReadCapacityUnits is out of bounds")
			.invalid("index updates before the stream",
					"{" + TABLE + ",'GlobalSecondaryIndexUpdates':[{}],'StreamSpecification':{'StreamEnabled':true}}",
					INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
							+ "GlobalSecondaryIndexUpdate.Delete must not be null")
			.invalid("the stream before the table class",
					"{" + TABLE + ",'StreamSpecification':{'StreamEnabled':false,'StreamViewType':'NEW_IMAGE'},"
							+ "'TableClass':'ARCHIVE'}",
					INVALID + "If stream is being disabled, then UpdateViewType must not be specified")
			.stream();
	}

	/** Eleven definitions without a name, and no change. */
	private static String capped() {
		List<String> definitions = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			definitions.add("{'AttributeType':'S'}");
		}
		return "{" + TABLE + ",'AttributeDefinitions':[" + String.join(",", definitions) + "]}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			errors.add(nullAt("attributeDefinitions." + i + ".member.attributeName"));
		}
		return errors.toArray(new String[0]);
	}

}
