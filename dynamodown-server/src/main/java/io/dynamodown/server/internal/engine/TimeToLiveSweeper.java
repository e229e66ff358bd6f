package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * Deletes expired items, as DynamoDB's time to live does in the background: an item whose
 * TTL attribute is a Number of epoch seconds at or before now (by the server's clock) is
 * deleted, unless that time lies more than five years in the past. Items stay readable
 * until a sweep reaches them; items whose TTL attribute is not a Number are left alone.
 */
final class TimeToLiveSweeper {

	/** TTL values further in the past than this are ignored, as DynamoDB ignores them. */
	static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

	private TimeToLiveSweeper() {
	}

	/**
	 * Deletes the expired items of every table of a database that has time to live on.
	 * @param database the database
	 * @return the number of items deleted
	 */
	static int sweep(Database database) {
		return database.write(() -> {
			Instant now = database.now();
			BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
			BigDecimal oldest = BigDecimal.valueOf(now.minus(IGNORED_AFTER).getEpochSecond());
			int deleted = 0;
			for (Table table : database.tables()) {
				String attribute = table.timeToLiveAttribute();
				if (attribute == null || table.status(now) != Table.Status.ACTIVE) {
					continue;
				}
				List<EntryKey> expired = new ArrayList<>();
				for (Map.Entry<EntryKey, Map<String, AttributeValue>> entry : table.items().entrySet()) {
					AttributeValue ttl = entry.getValue().get(attribute);
					if (ttl != null && ttl.type() == AttributeValue.Type.N && ttl.asNumber().compareTo(nowSeconds) <= 0
							&& ttl.asNumber().compareTo(oldest) >= 0) {
						expired.add(entry.getKey());
					}
				}
				for (EntryKey key : expired) {
					database.expire(table, key.key());
					deleted++;
				}
			}
			return deleted;
		});
	}

}
