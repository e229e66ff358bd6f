package io.dynamodown.internal.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shard of a key never changes: these values are part of the stored format.
 */
class ShardHashTests {

	@Test
	void theChecksumIsCrc32c() {
		CRC32C crc = new CRC32C();
		crc.update(bytes("123456789"));
		assertThat(crc.getValue()).as("CRC-32C check value").isEqualTo(0xE3069283L);
		assertThat(ShardHash.hash(bytes("123456789"))).isEqualTo(0xac7081cc);
	}

	@Test
	void shardsArePinned() {
		assertThat(shards("")).containsExactly(0, 0, 0, 0);
		assertThat(shards("a")).containsExactly(0, 4, 0, 32);
		assertThat(shards("users/amy")).containsExactly(0, 3, 4, 68);
		assertThat(shards("event-0000000001")).containsExactly(1, 6, 5, 21);
		assertThat(shards("event-0000000002")).containsExactly(3, 6, 7, 71);
	}

	@Test
	void increasingKeysSpreadEvenly() {
		int[] counts = new int[16];
		for (int i = 0; i < 160_000; i++) {
			counts[ShardHash.shardOf(bytes(String.format("event-%010d", i)), 16)]++;
		}
		assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThan(9_600);
		assertThat(Arrays.stream(counts).max().getAsInt()).isLessThan(10_400);
		int[] timestamps = new int[7];
		for (int i = 0; i < 70_000; i++) {
			timestamps[ShardHash.shardOf(ByteBuffer.allocate(8).putLong(1_700_000_000_000L + i).array(), 7)]++;
		}
		assertThat(Arrays.stream(timestamps).min().getAsInt()).isGreaterThan(9_600);
		assertThat(Arrays.stream(timestamps).max().getAsInt()).isLessThan(10_400);
	}

	@Test
	void shardZeroIsTheHashKeyAndTheOthersCarryTheSeparator() {
		KeyLayout layout = new KeyLayout("t", "users", AttributeNames.DEFAULT, 7);
		assertThat(layout.partitionKeyValue(0).s()).isEqualTo("users");
		assertThat(layout.partitionKeyValue(6).s()).isEqualTo("users\u00006");
		assertThat(KeyLayout.partitionKey("users", 12)).isEqualTo("users\u000012");
		byte[] key = bytes("users/amy");
		assertThat(layout.primaryKey(key).get("hkey").s()).isEqualTo("users\u00003");
	}

	@Test
	void thePartitionKeysOfADatabaseAreTheOnesOfItsShardsAlone() {
		KeyLayout layout = new KeyLayout("t", "users", AttributeNames.DEFAULT, 12);
		for (int shard = 0; shard < 12; shard++) {
			assertThat(layout.isPartitionKey(KeyLayout.partitionKey("users", shard))).as("shard %d", shard).isTrue();
		}
		for (String other : new String[] { "users\u000012", "users\u000001", "users\u0000", "users\u00001a",
				"users\u0000-1", "users1", "user", "users\u00001\u00001" }) {
			assertThat(layout.isPartitionKey(other)).as(other).isFalse();
		}
		assertThat(new KeyLayout("t", "users", AttributeNames.DEFAULT).isPartitionKey("users\u00001")).isFalse();
	}

	@Test
	void oneShardIsTheUnshardedLayout() {
		KeyLayout layout = new KeyLayout("t", "users", AttributeNames.DEFAULT);
		assertThat(layout.shards()).isOne();
		for (String key : new String[] { "", "a", "users/amy", "event-0000000002" }) {
			assertThat(layout.shardOf(bytes(key))).isZero();
			assertThat(layout.primaryKey(bytes(key)).get("hkey").s()).isEqualTo("users");
		}
	}

	@Test
	void itemSizesCountTheShardsPartitionKey() {
		KeyLayout one = new KeyLayout("t", "users", AttributeNames.DEFAULT);
		KeyLayout seven = new KeyLayout("t", "users", AttributeNames.DEFAULT, 7);
		byte[] key = bytes("users/amy");
		assertThat(seven.primaryKeySize(key) - one.primaryKeySize(key)).as("U+0000 and '3'").isEqualTo(2);
		assertThat(seven.primaryKeySize(new byte[0])).isEqualTo(one.primaryKeySize(new byte[0]));
	}

	private static int[] shards(String key) {
		byte[] bytes = bytes(key);
		return new int[] { ShardHash.shardOf(bytes, 4), ShardHash.shardOf(bytes, 7), ShardHash.shardOf(bytes, 16),
				ShardHash.shardOf(bytes, 256) };
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
