package io.dynamodown.internal.layout;

import java.util.zip.CRC32C;

/**
 * The shard of a key in a database of several shards: the CRC-32C (Castagnoli, as
 * {@link CRC32C} computes it) of the key's bytes, sublevel prefix included, mixed by
 * MurmurHash3's 32-bit finalizer, then taken modulo the shard count as an unsigned
 * number. Both steps are fixed algorithms on bytes: the same key has the same shard in
 * every version, JVM and platform ({@code ShardHashTests} pins values). The finalizer
 * spreads keys that differ only in a few bits (counters, timestamps) over every shard,
 * which CRC's linearity alone would not for a power-of-two count.
 */
public final class ShardHash {

	private ShardHash() {
	}

	/**
	 * The shard of a key.
	 * @param key the full key (sublevel prefix included)
	 * @param shards the shard count, at least 1
	 * @return the shard, {@code 0} to {@code shards - 1}
	 */
	public static int shardOf(byte[] key, int shards) {
		return Integer.remainderUnsigned(hash(key), shards);
	}

	/**
	 * The 32-bit hash a key's shard is taken from.
	 * @param key the full key
	 * @return the mixed CRC-32C of its bytes
	 */
	static int hash(byte[] key) {
		CRC32C crc = new CRC32C();
		crc.update(key);
		int hash = (int) crc.getValue();
		hash ^= hash >>> 16;
		hash *= 0x85ebca6b;
		hash ^= hash >>> 13;
		hash *= 0xc2b2ae35;
		hash ^= hash >>> 16;
		return hash;
	}

}
