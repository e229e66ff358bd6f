package io.dynamodown.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dynamodown.LevelDb;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.layout.ShardHash;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A store's items as the raw SDK sees them, read straight from the embedded server: a
 * key's item, and the chunk items of large values (sort keys starting with {@code 0x01}),
 * on every shard of the store.
 */
public final class RawItems {

	private RawItems() {
	}

	/**
	 * The item of a key, read consistently.
	 * @param db the store (root)
	 * @param key the full key
	 * @return the item, if present
	 */
	public static Optional<Map<String, AttributeValue>> item(LevelDb db, byte[] key) {
		byte[] sortKey = new byte[key.length + 1];
		System.arraycopy(key, 0, sortKey, 1, key.length);
		Map<String, AttributeValue> item = LocalDynamo.client()
			.getItem((get) -> get.tableName(db.table())
				.consistentRead(true)
				.key(Map.of("hkey", AttributeValue.fromS(partitionOf(db, key)), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)))))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(item);
	}

	/**
	 * Puts an item the way a raw SDK user (or an earlier version of the store) would: a
	 * plain {@code value} attribute.
	 * @param db the store (root)
	 * @param key the full key
	 * @param value the value
	 */
	public static void putPlain(LevelDb db, byte[] key, byte[] value) {
		byte[] sortKey = new byte[key.length + 1];
		System.arraycopy(key, 0, sortKey, 1, key.length);
		LocalDynamo.client()
			.putItem((put) -> put.tableName(db.table())
				.item(Map.of("hkey", AttributeValue.fromS(partitionOf(db, key)), "rkey",
						AttributeValue.fromB(SdkBytes.fromByteArray(sortKey)), "value",
						AttributeValue.fromB(SdkBytes.fromByteArray(value)))));
	}

	/**
	 * The partition key of a key's item: its shard's.
	 * @param db the store (root)
	 * @param key the full key
	 * @return the partition key
	 */
	public static String partitionOf(LevelDb db, byte[] key) {
		return KeyLayout.partitionKey(db.hashKey(), ShardHash.shardOf(key, db.shards()));
	}

	/**
	 * Every chunk item of the store's shards, by raw queries of the chunk space.
	 * @param db the store
	 * @return the chunk items
	 */
	public static List<Map<String, AttributeValue>> chunks(LevelDb db) {
		List<Map<String, AttributeValue>> chunks = new ArrayList<>();
		for (int shard = 0; shard < db.shards(); shard++) {
			String partition = KeyLayout.partitionKey(db.hashKey(), shard);
			Map<String, AttributeValue> start = null;
			do {
				QueryRequest.Builder query = QueryRequest.builder()
					.tableName(db.table())
					.consistentRead(true)
					.keyConditionExpression("hkey = :h AND rkey BETWEEN :chunks AND :end")
					.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(partition), ":chunks",
							AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0x01 })), ":end",
							AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0x01, (byte) 0xff }))));
				if (start != null) {
					query.exclusiveStartKey(start);
				}
				QueryResponse response = LocalDynamo.client().query(query.build());
				chunks.addAll(response.items());
				start = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
						? response.lastEvaluatedKey() : null;
			}
			while (start != null);
		}
		return chunks;
	}

	/**
	 * The number of chunk items the keys' items of the store's hash key name: the sum of
	 * their manifests' chunk counts.
	 * @param db the store
	 * @return the count
	 */
	public static int referencedChunkCount(LevelDb db) {
		int referenced = 0;
		for (int shard = 0; shard < db.shards(); shard++) {
			String partition = KeyLayout.partitionKey(db.hashKey(), shard);
			Map<String, AttributeValue> start = null;
			do {
				QueryRequest.Builder query = QueryRequest.builder()
					.tableName(db.table())
					.consistentRead(true)
					.keyConditionExpression("hkey = :h AND rkey < :chunks")
					.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(partition), ":chunks",
							AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0x01 }))));
				if (start != null) {
					query.exclusiveStartKey(start);
				}
				QueryResponse response = LocalDynamo.client().query(query.build());
				for (Map<String, AttributeValue> item : response.items()) {
					AttributeValue form = item.get("form");
					if (form != null && form.b().asByteArrayUnsafe()[0] == (byte) 0x80) {
						referenced += java.nio.ByteBuffer.wrap(form.b().asByteArrayUnsafe(), 18, 4).getInt();
					}
				}
				start = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
						? response.lastEvaluatedKey() : null;
			}
			while (start != null);
		}
		return referenced;
	}

	/**
	 * The number of chunk items of the store's hash key.
	 * @param db the store
	 * @return the count
	 */
	public static int chunkCount(LevelDb db) {
		return chunks(db).size();
	}

}
