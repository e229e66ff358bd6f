package io.dynamodown.server.internal.validation;

import java.util.stream.Stream;

import static io.dynamodown.server.internal.validation.CaseTable.NAME_PATTERN;
import static io.dynamodown.server.internal.validation.CaseTable.atLeast;
import static io.dynamodown.server.internal.validation.CaseTable.error;
import static io.dynamodown.server.internal.validation.CaseTable.maxLength;
import static io.dynamodown.server.internal.validation.CaseTable.minLength;
import static io.dynamodown.server.internal.validation.CaseTable.nullAt;
import static io.dynamodown.server.internal.validation.CaseTable.oneOf;

/**
 * The operations of DynamoDB Streams ({@code DynamoDBStreams_20120810}):
 * {@code ListStreams}, {@code DescribeStream}, {@code GetShardIterator} and
 * {@code GetRecords}, with the constraints of the Streams API reference and the sequence
 * number rule of {@code GetShardIterator}.
 */
class StreamsValidationTests extends OperationValidationTests {

	static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/abc/stream/2026-01-01T00:00:00.000";

	static final String SHARD_ID = "shardId-00000001700000000000-abcdef12";

	static final String SEQUENCE_NUMBER = "000000000000000000001";

	private static final String ITERATOR_TYPES = oneOf("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
			"AFTER_SEQUENCE_NUMBER");

	private static final String SHARD = "'StreamArn':'" + STREAM_ARN + "','ShardId':'" + SHARD_ID + "'";

	static Stream<ValidationCase> cases() {
		return Stream.of(listStreams(), describeStream(), getShardIterator(), getRecords()).flatMap(CaseTable::stream);
	}

	private static CaseTable listStreams() {
		String shortArn = STREAM_ARN.substring(0, 36);
		return new CaseTable("ListStreams").valid("an empty request", "{}")
			.valid("every member", "{'TableName':'abc','Limit':100,'ExclusiveStartStreamArn':'" + STREAM_ARN + "'}")
			.valid("a page size above the 100 streams a page returns", "{'Limit':1000}")
			.serialization("a limit given as a string", "{'Limit':'10'}", "STRING_VALUE cannot be converted to Integer")
			.serialization("a table name given as a number", "{'TableName':5}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("a start ARN given as a list", "{'ExclusiveStartStreamArn':[]}",
					"Unrecognized collection type class java.lang.String")
			.constraints("a table name too short", "{'TableName':'ab'}", error("ab", "tableName", minLength(3)))
			.constraints("an empty table name", "{'TableName':''}", error("", "tableName", NAME_PATTERN),
					error("", "tableName", minLength(3)))
			.constraints("a limit of zero", "{'Limit':0}", error("0", "limit", atLeast(1)))
			.constraints("a start ARN too short", "{'ExclusiveStartStreamArn':'" + shortArn + "'}",
					error(shortArn, "exclusiveStartStreamArn", minLength(37)))
			.constraints("a start ARN too long", "{'ExclusiveStartStreamArn':'" + "a".repeat(1025) + "'}",
					error("a".repeat(1025), "exclusiveStartStreamArn", maxLength(1024)))
			.constraints("every member, in the operation's order",
					"{'ExclusiveStartStreamArn':'arn','Limit':-1,'TableName':'a b'}",
					error("a b", "tableName", NAME_PATTERN), error("-1", "limit", atLeast(1)),
					error("arn", "exclusiveStartStreamArn", minLength(37)));
	}

	private static CaseTable describeStream() {
		return new CaseTable("DescribeStream").valid("a stream", "{'StreamArn':'" + STREAM_ARN + "'}")
			.valid("a page after a shard",
					"{'StreamArn':'" + STREAM_ARN + "','Limit':1,'ExclusiveStartShardId':'" + SHARD_ID + "'}")
			.valid("a page size above the 100 shards a page returns", "{'StreamArn':'" + STREAM_ARN + "','Limit':1000}")
			.serialization("a limit given as true", "{'Limit':true}", "TRUE_VALUE cannot be converted to Integer")
			.serialization("a stream ARN given as an object", "{'StreamArn':{}}",
					"Start of structure or map found where not expected")
			.constraints("an empty request", "{}", nullAt("streamArn"))
			.constraints("a stream ARN of 36 characters", "{'StreamArn':'" + "a".repeat(36) + "'}",
					error("a".repeat(36), "streamArn", minLength(37)))
			.constraints("a limit of zero", "{'StreamArn':'" + STREAM_ARN + "','Limit':0}",
					error("0", "limit", atLeast(1)))
			.constraints("a start shard of 27 characters",
					"{'StreamArn':'" + STREAM_ARN + "','ExclusiveStartShardId':'" + "s".repeat(27) + "'}",
					error("s".repeat(27), "exclusiveStartShardId", minLength(28)))
			.constraints("a start shard of 66 characters",
					"{'StreamArn':'" + STREAM_ARN + "','ExclusiveStartShardId':'" + "s".repeat(66) + "'}",
					error("s".repeat(66), "exclusiveStartShardId", maxLength(65)))
			.constraints("every member, in the operation's order", "{'ExclusiveStartShardId':'x','Limit':0}",
					nullAt("streamArn"), error("0", "limit", atLeast(1)),
					error("x", "exclusiveStartShardId", minLength(28)));
	}

	private static CaseTable getShardIterator() {
		return new CaseTable("GetShardIterator")
			.valid("from the oldest record", "{" + SHARD + ",'ShardIteratorType':'TRIM_HORIZON'}")
			.valid("from the newest record", "{" + SHARD + ",'ShardIteratorType':'LATEST'}")
			.valid("at a sequence number",
					"{" + SHARD + ",'ShardIteratorType':'AT_SEQUENCE_NUMBER','SequenceNumber':'" + SEQUENCE_NUMBER
							+ "'}")
			.valid("after a sequence number of 40 digits",
					"{" + SHARD + ",'ShardIteratorType':'AFTER_SEQUENCE_NUMBER','SequenceNumber':'" + "9".repeat(40)
							+ "'}")
			.serialization("a sequence number given as a number", "{'SequenceNumber':100000000000000000001}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("an iterator type given as a list", "{'ShardIteratorType':['LATEST']}",
					"Unrecognized collection type class java.lang.String")
			.constraints("an empty request", "{}", nullAt("streamArn"), nullAt("shardId"), nullAt("shardIteratorType"))
			.constraints("an unknown iterator type", "{" + SHARD + ",'ShardIteratorType':'OLDEST'}",
					error("OLDEST", "shardIteratorType", ITERATOR_TYPES))
			.constraints("an iterator type in lower case", "{" + SHARD + ",'ShardIteratorType':'latest'}",
					error("latest", "shardIteratorType", ITERATOR_TYPES))
			.constraints("a shard of 66 characters",
					"{'StreamArn':'" + STREAM_ARN + "','ShardId':'" + "s".repeat(66)
							+ "','ShardIteratorType':'LATEST'}",
					error("s".repeat(66), "shardId", maxLength(65)))
			.constraints("a sequence number of 20 digits",
					"{" + SHARD + ",'ShardIteratorType':'AT_SEQUENCE_NUMBER','SequenceNumber':'" + "1".repeat(20)
							+ "'}",
					error("1".repeat(20), "sequenceNumber", minLength(21)))
			.constraints("a sequence number of 41 digits",
					"{" + SHARD + ",'ShardIteratorType':'AT_SEQUENCE_NUMBER','SequenceNumber':'" + "1".repeat(41)
							+ "'}",
					error("1".repeat(41), "sequenceNumber", maxLength(40)))
			.constraints("constraints before the sequence number rule",
					"{" + SHARD + ",'ShardIteratorType':'LATEST','SequenceNumber':'1'}",
					error("1", "sequenceNumber", minLength(21)))
			.constraints("every member, in the operation's order",
					"{'SequenceNumber':'1','ShardIteratorType':'X','ShardId':'s','StreamArn':'a'}",
					error("a", "streamArn", minLength(37)), error("s", "shardId", minLength(28)),
					error("X", "shardIteratorType", ITERATOR_TYPES), error("1", "sequenceNumber", minLength(21)))
			.invalid("AT_SEQUENCE_NUMBER without a sequence number",
					"{" + SHARD + ",'ShardIteratorType':'AT_SEQUENCE_NUMBER'}", "SequenceNumber cannot be null")
			.invalid("AFTER_SEQUENCE_NUMBER without a sequence number",
					"{" + SHARD + ",'ShardIteratorType':'AFTER_SEQUENCE_NUMBER'}", "SequenceNumber cannot be null")
			.invalid("TRIM_HORIZON with a sequence number",
					"{" + SHARD + ",'ShardIteratorType':'TRIM_HORIZON','SequenceNumber':'" + SEQUENCE_NUMBER + "'}",
					"SequenceNumber should not be passed for this iterator type")
			.invalid("LATEST with a sequence number",
					"{" + SHARD + ",'ShardIteratorType':'LATEST','SequenceNumber':'" + SEQUENCE_NUMBER + "'}",
					"SequenceNumber should not be passed for this iterator type");
	}

	private static CaseTable getRecords() {
		return new CaseTable("GetRecords").valid("a shard iterator", "{'ShardIterator':'i'}")
			.valid("a page size above the 1000 records a page returns", "{'ShardIterator':'i','Limit':5000}")
			.valid("an iterator of 2048 characters", "{'ShardIterator':'" + "i".repeat(2048) + "'}")
			.serialization("the iterator checked first, the limit only floored", "{'Limit':2.5,'ShardIterator':1}",
					"NUMBER_VALUE cannot be converted to String")
			.serialization("a limit given as a string", "{'ShardIterator':'i','Limit':'100'}",
					"STRING_VALUE cannot be converted to Integer")
			.constraints("an empty request", "{}", nullAt("shardIterator"))
			.constraints("an empty iterator", "{'ShardIterator':''}", error("", "shardIterator", minLength(1)))
			.constraints("an iterator of 2049 characters", "{'ShardIterator':'" + "i".repeat(2049) + "'}",
					error("i".repeat(2049), "shardIterator", maxLength(2048)))
			.constraints("a limit that floors to zero", "{'ShardIterator':'i','Limit':0.99}",
					error("0", "limit", atLeast(1)))
			.constraints("both members", "{'Limit':-3}", nullAt("shardIterator"), error("-3", "limit", atLeast(1)));
	}

}
