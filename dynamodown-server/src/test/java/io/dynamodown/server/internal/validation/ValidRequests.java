package io.dynamodown.server.internal.validation;

import java.util.Map;
import java.util.TreeMap;

/**
 * One valid request per operation, written by hand: the seeds that the fuzz test mutates
 * and the requests that the operation tests start from. Each uses most of its operation's
 * members, so that a mutation reaches deep into the shape.
 */
final class ValidRequests {

	private static final Map<String, String> BODIES = new TreeMap<>(Map.ofEntries(
			Map.entry("BatchGetItem",
					"{'RequestItems':{'abc':{'Keys':[{'id':{'S':'a'}},{'id':{'S':'b'}}],"
							+ "'ProjectionExpression':'#n, price','ExpressionAttributeNames':{'#n':'name'},"
							+ "'ConsistentRead':true},'def':{'Keys':[{'id':{'N':'1'},'at':{'B':'AQID'}}],"
							+ "'AttributesToGet':['id','at']}},'ReturnConsumedCapacity':'TOTAL'}"),
			Map.entry("BatchWriteItem",
					"{'RequestItems':{'abc':[{'PutRequest':{'Item':{'id':{'S':'a'},'tags':{'SS':['x','y']},"
							+ "'doc':{'M':{'n':{'N':'1.50'},'l':{'L':[{'NULL':true},{'BOOL':false}]}}}}}},"
							+ "{'DeleteRequest':{'Key':{'id':{'S':'b'}}}}]},'ReturnConsumedCapacity':'INDEXES',"
							+ "'ReturnItemCollectionMetrics':'SIZE'}"),
			Map.entry("CreateTable",
					"{'TableName':'abc','AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},"
							+ "{'AttributeName':'at','AttributeType':'N'},{'AttributeName':'gk','AttributeType':'B'}],"
							+ "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'},"
							+ "{'AttributeName':'at','KeyType':'RANGE'}],"
							+ "'LocalSecondaryIndexes':[{'IndexName':'local','KeySchema':[{'AttributeName':'id',"
							+ "'KeyType':'HASH'},{'AttributeName':'gk','KeyType':'RANGE'}],"
							+ "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['x']}}],"
							+ "'GlobalSecondaryIndexes':[{'IndexName':'global','KeySchema':[{'AttributeName':'gk',"
							+ "'KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
							+ "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}],"
							+ "'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':5,"
							+ "'WriteCapacityUnits':5},'StreamSpecification':{'StreamEnabled':true,"
							+ "'StreamViewType':'NEW_AND_OLD_IMAGES'},'SSESpecification':{'Enabled':true,"
							+ "'SSEType':'KMS','KMSMasterKeyId':'alias/key'},'Tags':[{'Key':'k','Value':'v'}],"
							+ "'TableClass':'STANDARD','DeletionProtectionEnabled':false}"),
			Map.entry("DeleteItem",
					"{'TableName':'abc','Key':{'id':{'S':'a'}},'ConditionExpression':'#n = :v',"
							+ "'ExpressionAttributeNames':{'#n':'name'},'ExpressionAttributeValues':{':v':{'S':'x'}},"
							+ "'ReturnValues':'ALL_OLD','ReturnConsumedCapacity':'TOTAL',"
							+ "'ReturnItemCollectionMetrics':'SIZE','ReturnValuesOnConditionCheckFailure':'ALL_OLD'}"),
			Map.entry("DeleteTable", "{'TableName':'abc'}"),
			Map.entry("DescribeStream",
					"{'StreamArn':'" + StreamsValidationTests.STREAM_ARN + "','Limit':10," + "'ExclusiveStartShardId':'"
							+ StreamsValidationTests.SHARD_ID + "'}"),
			Map.entry("DescribeTable", "{'TableName':'a.b-c_1'}"),
			Map.entry("DescribeTimeToLive", "{'TableName':'abc'}"),
			Map.entry("GetRecords", "{'ShardIterator':'iterator-1','Limit':1000}"),
			Map.entry("GetShardIterator",
					"{'StreamArn':'" + StreamsValidationTests.STREAM_ARN + "','ShardId':'"
							+ StreamsValidationTests.SHARD_ID + "','ShardIteratorType':'AFTER_SEQUENCE_NUMBER',"
							+ "'SequenceNumber':'" + StreamsValidationTests.SEQUENCE_NUMBER + "'}"),
			Map.entry("GetItem",
					"{'TableName':'abc','Key':{'id':{'S':'a'},'at':{'N':'-1e5'}},'ConsistentRead':true,"
							+ "'ProjectionExpression':'#n, price','ExpressionAttributeNames':{'#n':'name'},"
							+ "'ReturnConsumedCapacity':'NONE'}"),
			Map.entry("ListStreams",
					"{'TableName':'abc','Limit':100,'ExclusiveStartStreamArn':'"
							+ StreamsValidationTests.STREAM_ARN + "'}"),
			Map.entry("ListTables", "{'ExclusiveStartTableName':'abc','Limit':100}"),
			Map.entry("PutItem",
					"{'TableName':'abc','Item':{'id':{'S':'a'},'n':{'N':'0.0'},'b':{'B':'AAEC'},"
							+ "'ns':{'NS':['1','2']},'bs':{'BS':['AQ==','Ag==']},'m':{'M':{'x':{'S':''}}}},"
							+ "'Expected':{'id':{'Exists':false},'n':{'ComparisonOperator':'BETWEEN',"
							+ "'AttributeValueList':[{'N':'1'},{'N':'2'}]}},'ConditionalOperator':'AND',"
							+ "'ReturnValues':'NONE','ReturnConsumedCapacity':'INDEXES'}"),
			Map.entry("Query",
					"{'TableName':'abc','IndexName':'byDate','KeyConditionExpression':'id = :id AND at > :at',"
							+ "'FilterExpression':'price < :p','ProjectionExpression':'id, at, price',"
							+ "'ExpressionAttributeValues':{':id':{'S':'a'},':at':{'N':'1'},':p':{'N':'10'}},"
							+ "'Select':'SPECIFIC_ATTRIBUTES','Limit':10,'ScanIndexForward':false,"
							+ "'ConsistentRead':false,'ExclusiveStartKey':{'id':{'S':'a'},'at':{'N':'0'}},"
							+ "'ReturnConsumedCapacity':'TOTAL'}"),
			Map.entry("Scan",
					"{'TableName':'abc','ScanFilter':{'price':{'ComparisonOperator':'BETWEEN',"
							+ "'AttributeValueList':[{'N':'1'},{'N':'9'}]},'name':{'ComparisonOperator':'NOT_NULL'}},"
							+ "'ConditionalOperator':'OR','AttributesToGet':['id','price'],"
							+ "'Select':'SPECIFIC_ATTRIBUTES','Segment':1,'TotalSegments':4,'Limit':25,"
							+ "'ExclusiveStartKey':{'id':{'S':'a'}},'ConsistentRead':true}"),
			Map.entry("TransactGetItems",
					"{'TransactItems':[{'Get':{'TableName':'abc','Key':{'id':{'S':'a'}},"
							+ "'ProjectionExpression':'#n','ExpressionAttributeNames':{'#n':'name'}}},"
							+ "{'Get':{'TableName':'def','Key':{'id':{'N':'2'}}}}],'ReturnConsumedCapacity':'TOTAL'}"),
			Map.entry("TransactWriteItems",
					"{'TransactItems':[{'ConditionCheck':{'TableName':'abc','Key':{'id':{'S':'a'}},"
							+ "'ConditionExpression':'attribute_exists(id)'}},{'Put':{'TableName':'abc',"
							+ "'Item':{'id':{'S':'b'},'n':{'N':'1'}},'ConditionExpression':'attribute_not_exists(id)'}},"
							+ "{'Delete':{'TableName':'abc','Key':{'id':{'S':'c'}}}},{'Update':{'TableName':'abc',"
							+ "'Key':{'id':{'S':'d'}},'UpdateExpression':'SET n = n + :one',"
							+ "'ExpressionAttributeValues':{':one':{'N':'1'}},"
							+ "'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}}],"
							+ "'ClientRequestToken':'token-1','ReturnConsumedCapacity':'TOTAL',"
							+ "'ReturnItemCollectionMetrics':'SIZE'}"),
			Map.entry("UpdateItem",
					"{'TableName':'abc','Key':{'id':{'S':'a'}},'AttributeUpdates':{'n':{'Action':'ADD',"
							+ "'Value':{'N':'1'}},'tags':{'Action':'DELETE','Value':{'SS':['x']}},"
							+ "'old':{'Action':'DELETE'},'s':{'Action':'PUT','Value':{'S':'x'}}},"
							+ "'Expected':{'n':{'Value':{'N':'0'}}},'ReturnValues':'UPDATED_NEW'}"),
			Map.entry("UpdateTable",
					"{'TableName':'abc','AttributeDefinitions':[{'AttributeName':'gk','AttributeType':'S'}],"
							+ "'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':2,"
							+ "'WriteCapacityUnits':2},'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byGk',"
							+ "'KeySchema':[{'AttributeName':'gk','KeyType':'HASH'}],"
							+ "'Projection':{'ProjectionType':'KEYS_ONLY'},'ProvisionedThroughput':"
							+ "{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}},{'Delete':{'IndexName':'old'}}],"
							+ "'StreamSpecification':{'StreamEnabled':false},'TableClass':'STANDARD_INFREQUENT_ACCESS'}"),
			Map.entry("UpdateTimeToLive",
					"{'TableName':'abc','TimeToLiveSpecification':{'AttributeName':'expires','Enabled':true}}")));

	private ValidRequests() {
	}

	/**
	 * Returns the operations of both targets that have a valid request.
	 * @return the operation names, sorted
	 */
	static Iterable<String> operations() {
		return BODIES.keySet();
	}

	/**
	 * Returns a new copy of the valid request of an operation, free to change.
	 * @param operation the operation
	 * @return the parsed request
	 * @throws IllegalArgumentException if there is no request for the operation
	 */
	static Map<String, Object> of(String operation) {
		String body = BODIES.get(operation);
		if (body == null) {
			throw new IllegalArgumentException("No valid request for " + operation);
		}
		return Json.request(body);
	}

}
