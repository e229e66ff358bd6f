package io.dynamodown.server.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code CreateTable} request defines: name, key schema, attribute definitions,
 * billing, indexes, stream and deletion protection; with the table's id and ARN.
 *
 * @param name the table name
 * @param id the table id (a random UUID)
 * @param arn the table ARN
 * @param keySchema the key schema
 * @param attributeDefinitions the attribute definitions as given
 * @param indexes the secondary indexes by name, local ones first
 * @param billingMode {@code PROVISIONED} or {@code PAY_PER_REQUEST}
 * @param throughput the provisioned throughput (zeros on demand)
 * @param stream the stream settings
 * @param deletionProtection whether deletion protection is on
 */
record TableDefinition(String name, String id, String arn, KeySchema keySchema, List<Object> attributeDefinitions,
		Map<String, SecondaryIndex> indexes, String billingMode, Throughput throughput, StreamSettings stream,
		boolean deletionProtection) {

	/** The region and account of every ARN this server makes. */
	static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

	/**
	 * Reads a validated {@code CreateTable} request.
	 * @param request the request
	 * @return the definition
	 */
	static TableDefinition of(Map<String, Object> request) {
		return of(request, UUID.randomUUID().toString());
	}

	/**
	 * Reads a {@code CreateTable} request, or a table's snapshot, with a given table id.
	 * @param request the request
	 * @param id the table id
	 * @return the definition
	 */
	@SuppressWarnings("unchecked")
	static TableDefinition of(Map<String, Object> request, String id) {
		String name = Requests.string(request, "TableName");
		String arn = ARN_PREFIX + name;
		List<Map<String, Object>> definitions = Requests.objects(request, "AttributeDefinitions");
		KeySchema keySchema = KeySchema.of(Requests.objects(request, "KeySchema"), definitions);
		String billingMode = "PAY_PER_REQUEST".equals(request.get("BillingMode")) ? "PAY_PER_REQUEST" : "PROVISIONED";
		Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
		addIndexes(indexes, request.get("LocalSecondaryIndexes"), false, keySchema, definitions);
		addIndexes(indexes, request.get("GlobalSecondaryIndexes"), true, keySchema, definitions);
		StreamSettings stream = new StreamSettings(arn, name, keySchema);
		stream.apply(request.get("StreamSpecification"));
		return new TableDefinition(name, id, arn, keySchema, new ArrayList<Object>(definitions), indexes, billingMode,
				Throughput.of(request.get("ProvisionedThroughput")), stream,
				Boolean.TRUE.equals(request.get("DeletionProtectionEnabled")));
	}

	@SuppressWarnings("unchecked")
	private static void addIndexes(Map<String, SecondaryIndex> indexes, @Nullable Object json, boolean global,
			KeySchema tableSchema, List<Map<String, Object>> definitions) {
		if (!(json instanceof List)) {
			return;
		}
		for (Map<String, Object> index : (List<Map<String, Object>>) json) {
			String indexName = Requests.string(index, "IndexName");
			KeySchema schema = KeySchema.of(Requests.objects(index, "KeySchema"), definitions);
			Map<String, Object> projection = Requests.object(index, "Projection");
			String projectionType = (String) projection.getOrDefault("ProjectionType", "ALL");
			List<String> nonKey = (List<String>) projection.getOrDefault("NonKeyAttributes", List.of());
			indexes.put(indexName, new SecondaryIndex(indexName, global, schema, tableSchema, projectionType, nonKey,
					Throughput.of(index.get("ProvisionedThroughput"))));
		}
	}

}
