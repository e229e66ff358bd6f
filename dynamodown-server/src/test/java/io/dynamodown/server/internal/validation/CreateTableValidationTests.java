package io.dynamodown.server.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.atLeast;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;
import static io.dynamodown.server.internal.validation.CaseTable.required;
import static io.dynamodown.server.internal.validation.CaseTable.tableNameLength;

/**
 * {@code CreateTable}: the table name reported alone, types and constraints of the
 * definitions, key schemas, indexes and throughput, billing, key schema rules, index
 * rules, streams, encryption, table class, and the order of these checks.
 */
class CreateTableValidationTests extends OperationValidationTests {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private static final String HASH_TABLE = "'TableName':'abc','AttributeDefinitions':[{'AttributeName':'id',"
			+ "'AttributeType':'S'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]";

	private static final String ON_DEMAND = "'BillingMode':'PAY_PER_REQUEST'";

	private static final String THROUGHPUT = "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}";

	private static final String RANGE_TABLE = "'TableName':'abc','AttributeDefinitions':[{'AttributeName':'id',"
			+ "'AttributeType':'S'},{'AttributeName':'at','AttributeType':'N'},{'AttributeName':'lk','AttributeType':'S'}],"
			+ "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'},{'AttributeName':'at','KeyType':'RANGE'}],"
			+ ON_DEMAND;

	static Stream<ValidationCase> cases() {
		return new CaseTable("CreateTable").valid("a hash key on demand", "{" + HASH_TABLE + "," + ON_DEMAND + "}")
			.valid("a hash key with provisioned throughput", "{" + HASH_TABLE + "," + THROUGHPUT + "}")
			.valid("a local index", "{" + RANGE_TABLE + ",'LocalSecondaryIndexes':[" + local("local", "lk") + "]}")
			.serialization("definitions given as a string", "{'AttributeDefinitions':'x'}", "Unexpected field type")
			.serialization("a definition given as a string", "{'AttributeDefinitions':['x']}",
					"Unexpected value type in payload")
			.serialization("a definition given as a list", "{'AttributeDefinitions':[[]]}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeDefinition")
			.serialization("capacity given as a string", "{'ProvisionedThroughput':{'ReadCapacityUnits':'5'}}",
					"STRING_VALUE cannot be converted to Long")
			.serialization("throughput given as a list", "{'ProvisionedThroughput':[]}",
					"Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput")
			.serialization("StreamEnabled given as a number", "{'StreamSpecification':{'StreamEnabled':5}}",
					"NUMBER_VALUE cannot be converted to Boolean")
			.serialization("a tag given as a string", "{'Tags':['x']}", "Unexpected value type in payload")
			.serialization("types before the table name", "{'TableName':'ab','DeletionProtectionEnabled':'sure'}",
					"Unexpected token received from parser")
			.invalid("no table name", "{}", required("TableName"))
			.invalid("a table name too short, reported alone", "{'TableName':'ab','BillingMode':'FREE'}",
					tableNameLength())
			.constraints("a table name outside the pattern and nothing else", "{'TableName':'ab!'}",
					nullAt("attributeDefinitions"), error("ab!", "tableName", NAME_PATTERN), nullAt("keySchema"))
			.constraints("an unknown attribute type",
					"{'TableName':'abc','AttributeDefinitions':[{'AttributeName':'id','AttributeType':'X'}],"
							+ "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]}",
					error("X", "attributeDefinitions.1.member.attributeType", oneOf("B", "N", "S")))
			.constraints("an unknown key type",
					"{'TableName':'abc','AttributeDefinitions':[],'KeySchema':[{'AttributeName':'id','KeyType':'PRIMARY'}]}",
					error("PRIMARY", "keySchema.1.member.keyType", oneOf("HASH", "RANGE")))
			.constraints("an empty key schema", "{'TableName':'abc','AttributeDefinitions':[],'KeySchema':[]}",
					error("[]", "keySchema", minLength(1)))
			.constraints("a key schema of three keys",
					"{'TableName':'abc','AttributeDefinitions':[],'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
							+ "{'AttributeName':'b','KeyType':'RANGE'},{'AttributeName':'c','KeyType':'RANGE'}]}",
					error("[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}, {\"AttributeName\":\"b\",\"KeyType\":\"RANGE\"}, "
							+ "{\"AttributeName\":\"c\",\"KeyType\":\"RANGE\"}]", "keySchema", maxLength(2)))
			.constraints("zero capacity, write units first",
					"{" + HASH_TABLE + ",'ProvisionedThroughput':{'ReadCapacityUnits':0,'WriteCapacityUnits':0}}",
					error("0", "provisionedThroughput.writeCapacityUnits", atLeast(1)),
					error("0", "provisionedThroughput.readCapacityUnits", atLeast(1)))
			.constraints("an unknown billing mode", "{" + HASH_TABLE + ",'BillingMode':'FREE'}",
					error("FREE", "billingMode", oneOf("PROVISIONED", "PAY_PER_REQUEST")))
			.constraints("an index name too short",
					"{" + RANGE_TABLE + ",'LocalSecondaryIndexes':[" + local("ix", "lk") + "]}",
					error("ix", "localSecondaryIndexes.1.member.indexName", minLength(3)))
			.constraints("an index without a projection",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':"
							+ "[{'AttributeName':'lk','KeyType':'HASH'}]}]}",
					nullAt("globalSecondaryIndexes.1.member.projection"))
			.constraints("an unknown projection type and no non-key attributes",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':"
							+ "[{'AttributeName':'lk','KeyType':'HASH'}],'Projection':{'ProjectionType':'SOME',"
							+ "'NonKeyAttributes':[]}}]}",
					error("SOME", "globalSecondaryIndexes.1.member.projection.projectionType",
							oneOf("ALL", "INCLUDE", "KEYS_ONLY")),
					error("[]", "globalSecondaryIndexes.1.member.projection.nonKeyAttributes", minLength(1)))
			.constraints("a stream specification without StreamEnabled",
					"{" + HASH_TABLE + "," + ON_DEMAND + ",'StreamSpecification':{}}",
					nullAt("streamSpecification.streamEnabled"))
			.constraints("at most ten errors", capped(), cappedErrors())
			.invalid("no billing mode and no throughput", "{" + HASH_TABLE + "}", INVALID
					+ "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
			.invalid("throughput on demand", "{" + HASH_TABLE + "," + ON_DEMAND + "," + THROUGHPUT + "}",
					INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
							+ "PAY_PER_REQUEST")
			.invalid("read capacity out of bounds",
					"{" + HASH_TABLE
							+ ",'ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':1}}",
					"Given value 1000000000001 for ReadCapacityUnits is out of bounds")
			.invalid("write capacity out of bounds",
					"{" + HASH_TABLE + ",'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1e13}}",
					"Given value 10000000000000 for WriteCapacityUnits is out of bounds")
			.invalid("more keys than definitions", "{'TableName':'abc'," + ON_DEMAND
					+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
					+ "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'},{'AttributeName':'at','KeyType':'RANGE'}]}",
					"Invalid KeySchema: Some index key attribute have no definition")
			.invalid("a key without a definition",
					"{'TableName':'abc'," + ON_DEMAND
							+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
							+ "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}",
					INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], "
							+ "AttributeDefinitions: [id]")
			.invalid("hash and range keys of one name", "{'TableName':'abc'," + ON_DEMAND
					+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},"
					+ "{'AttributeName':'at','AttributeType':'S'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'},"
					+ "{'AttributeName':'id','KeyType':'RANGE'}]}",
					"Both the Hash Key and the Range Key element in the KeySchema have the same name")
			.invalid("a range key first",
					"{'TableName':'abc'," + ON_DEMAND
							+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
							+ "'KeySchema':[{'AttributeName':'id','KeyType':'RANGE'}]}",
					"Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
			.invalid("two hash keys", "{'TableName':'abc'," + ON_DEMAND
					+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},"
					+ "{'AttributeName':'at','AttributeType':'S'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'},"
					+ "{'AttributeName':'at','KeyType':'HASH'}]}",
					"Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
			.invalid("a definition no key or index uses", "{'TableName':'abc'," + ON_DEMAND
					+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},"
					+ "{'AttributeName':'x','AttributeType':'S'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]}",
					INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in "
							+ "AttributeDefinitions")
			.invalid("an empty list of local indexes", "{" + RANGE_TABLE + ",'LocalSecondaryIndexes':[]}",
					INVALID + "List of LocalSecondaryIndexes is empty")
			.invalid("a local index on a table without a range key", "{'TableName':'abc'," + ON_DEMAND
					+ ",'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},"
					+ "{'AttributeName':'lk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
					+ "'LocalSecondaryIndexes':[" + local("local", "lk") + "]}",
					INVALID + "Table KeySchema does not have a range key, which is required when specifying a "
							+ "LocalSecondaryIndex")
			.invalid("a local index without a range key",
					"{" + RANGE_TABLE
							+ ",'LocalSecondaryIndexes':[{'IndexName':'local','KeySchema':[{'AttributeName':'id',"
							+ "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}",
					INVALID + "Index KeySchema does not have a range key for index: local")
			.invalid("a local index of another hash key", "{" + RANGE_TABLE
					+ ",'LocalSecondaryIndexes':[{'IndexName':'local','KeySchema':[{'AttributeName':'lk',"
					+ "'KeyType':'HASH'},{'AttributeName':'at','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]}",
					INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
							+ "local. index hash key: lk, table hash key: id")
			.invalid("a local index key without a definition",
					"{" + RANGE_TABLE + ",'LocalSecondaryIndexes':[" + local("local", "nope") + "]}",
					INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [id, nope], "
							+ "AttributeDefinitions: [id, at, lk]")
			.invalid("six local indexes", "{" + RANGE_TABLE + ",'LocalSecondaryIndexes':[" + locals(6) + "]}",
					INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5")
			.invalid("an empty list of global indexes", "{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[]}",
					INVALID + "List of GlobalSecondaryIndexes is empty")
			.invalid("index throughput on demand",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':"
							+ "[{'AttributeName':'lk','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
							+ THROUGHPUT + "}]}",
					INVALID + "ProvisionedThroughput should not be specified for index: global when BillingMode is "
							+ "PAY_PER_REQUEST")
			.invalid("a local and a global index of one name",
					"{" + RANGE_TABLE + ",'LocalSecondaryIndexes':[" + local("idx", "lk")
							+ "],'GlobalSecondaryIndexes':"
							+ "[{'IndexName':'idx','KeySchema':[{'AttributeName':'lk','KeyType':'HASH'}],"
							+ "'Projection':{'ProjectionType':'ALL'}}]}",
					INVALID + "Duplicate index name: idx")
			.invalid("a projection without a type",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':"
							+ "[{'AttributeName':'lk','KeyType':'HASH'}],'Projection':{}}]}",
					INVALID + "Unknown ProjectionType: null")
			.invalid("non-key attributes with KEYS_ONLY",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':"
							+ "[{'AttributeName':'lk','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY',"
							+ "'NonKeyAttributes':['a']}}]}",
					INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified")
			.invalid("INCLUDE without non-key attributes",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':"
							+ "[{'AttributeName':'lk','KeyType':'HASH'}],'Projection':{'ProjectionType':'INCLUDE'}}]}",
					INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified")
			.invalid("21 global indexes", "{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[" + globals(21) + "]}",
					INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20")
			.invalid("a stream enabled without a view type",
					"{" + HASH_TABLE + "," + ON_DEMAND + ",'StreamSpecification':{'StreamEnabled':true}}",
					INVALID + "Table is being created with a stream enabled, UpdateViewType is required")
			.invalid("AES256 encryption",
					"{" + HASH_TABLE + "," + ON_DEMAND + ",'SSESpecification':{'Enabled':true,'SSEType':'AES256'}}",
					INVALID + "SSEType AES256 is not supported")
			.invalid("a key without KMS",
					"{" + HASH_TABLE + "," + ON_DEMAND + ",'SSESpecification':{'KMSMasterKeyId':'k'}}",
					INVALID + "SSEType KMS is required if KMSMasterKeyId is specified")
			.invalid("a key with encryption disabled",
					"{" + HASH_TABLE + "," + ON_DEMAND + ",'SSESpecification':{'Enabled':false,'KMSMasterKeyId':'k'}}",
					INVALID + "KMSMasterKeyId can not be specified if Enabled is false")
			.invalid("billing before the key schema",
					"{'TableName':'abc','AttributeDefinitions':[],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]}",
					INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
			.invalid("the key schema before the indexes",
					"{" + RANGE_TABLE.replace("'at','KeyType':'RANGE'", "'nope','KeyType':'RANGE'")
							+ ",'LocalSecondaryIndexes':[]}",
					INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [id, nope], "
							+ "AttributeDefinitions: [id, at, lk]")
			.invalid("the indexes before the stream",
					"{" + RANGE_TABLE + ",'GlobalSecondaryIndexes':[],'StreamSpecification':{'StreamEnabled':true}}",
					INVALID + "List of GlobalSecondaryIndexes is empty")
			.invalid("the stream before encryption",
					"{" + HASH_TABLE + "," + ON_DEMAND + ",'StreamSpecification':{'StreamEnabled':false,"
							+ "'StreamViewType':'KEYS_ONLY'},'SSESpecification':{'SSEType':'AES256'}}",
					INVALID + "Table is being created with a stream disabled, UpdateViewType should not be specified")
			.invalid("encryption before the table class",
					"{" + HASH_TABLE + "," + ON_DEMAND
							+ ",'SSESpecification':{'SSEType':'AES256'},'TableClass':'COLD'}",
					INVALID + "SSEType AES256 is not supported")
			.invalid("an unknown table class", "{" + HASH_TABLE + "," + ON_DEMAND + ",'TableClass':'standard'}",
					"Invalid table-class parameter provided. Please try again with a valid table-class value: "
							+ "[STANDARD, STANDARD_INFREQUENT_ACCESS].")
			.stream();
	}

	private static String local(String name, String rangeKey) {
		return "{'IndexName':'" + name + "','KeySchema':[{'AttributeName':'id','KeyType':'HASH'},{'AttributeName':'"
				+ rangeKey + "','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}";
	}

	private static String locals(int count) {
		List<String> indexes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			indexes.add(local("local" + i, "lk"));
		}
		return String.join(",", indexes);
	}

	private static String globals(int count) {
		List<String> indexes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			indexes.add("{'IndexName':'global" + i + "','KeySchema':[{'AttributeName':'lk','KeyType':'HASH'}],"
					+ "'Projection':{'ProjectionType':'ALL'}}");
		}
		return String.join(",", indexes);
	}

	/** Eleven definitions without a type. */
	private static String capped() {
		List<String> definitions = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			definitions.add("{'AttributeName':'a" + i + "'}");
		}
		return "{'TableName':'abc','AttributeDefinitions':[" + String.join(",", definitions)
				+ "],'KeySchema':[{'AttributeName':'a0','KeyType':'HASH'}]}";
	}

	private static String[] cappedErrors() {
		List<String> errors = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			errors.add(nullAt("attributeDefinitions." + i + ".member.attributeType"));
		}
		return errors.toArray(new String[0]);
	}

}
