package io.dynamodown.server.internal.stream;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * A position in a shard, handed to clients as an opaque string and read back from it: the
 * stream's ARN, {@code |1|}, then the shard, the sequence number to read after and the
 * time of issue, in URL-safe Base64 with a checksum over all of it, so that a string the
 * server did not write is recognized. The checksum guards against damage, not secrets: a
 * position can be asked for with {@code GetShardIterator} anyway.
 *
 * @param streamArn the stream's ARN
 * @param shardId the shard's id
 * @param after the sequence number to read after
 * @param issued when the iterator was issued, by the server's clock
 */
record ShardIterator(String streamArn, String shardId, long after, Instant issued) {

	private static final String SEPARATOR = "|1|";

	/**
	 * Writes the iterator.
	 * @return the string a client passes to {@code GetRecords}
	 */
	String encode() {
		byte[] shard = this.shardId.getBytes(StandardCharsets.UTF_8);
		ByteBuffer body = ByteBuffer.allocate(2 + shard.length + 8 + 8 + 4);
		body.putShort((short) shard.length).put(shard).putLong(this.after).putLong(this.issued.toEpochMilli());
		body.putInt(checksum(this.streamArn, body.array(), body.position()));
		return this.streamArn + SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
	}

	/**
	 * Reads an iterator.
	 * @param text the string a client passed
	 * @return the iterator, or {@code null} if the server did not write that string
	 */
	static @Nullable ShardIterator decode(String text) {
		int separator = text.lastIndexOf(SEPARATOR);
		if (separator <= 0) {
			return null;
		}
		String streamArn = text.substring(0, separator);
		byte[] body;
		try {
			body = Base64.getUrlDecoder().decode(text.substring(separator + SEPARATOR.length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		try {
			ByteBuffer buffer = ByteBuffer.wrap(body);
			byte[] shard = new byte[buffer.getShort()];
			buffer.get(shard);
			long after = buffer.getLong();
			long issued = buffer.getLong();
			int length = buffer.position();
			if (buffer.getInt() != checksum(streamArn, body, length) || buffer.hasRemaining()) {
				return null;
			}
			ShardIterator iterator = new ShardIterator(streamArn, new String(shard, StandardCharsets.UTF_8), after,
					Instant.ofEpochMilli(issued));
			// Base64 leaves unused bits in its last character: only the form written is
			// read
			return iterator.encode().equals(text) ? iterator : null;
		}
		catch (BufferUnderflowException | NegativeArraySizeException ex) {
			return null;
		}
	}

	/**
	 * Returns whether the iterator can no longer be used: 15 minutes after its issue.
	 * @param now the time
	 * @return whether it has expired
	 */
	boolean expired(Instant now) {
		return !now.isBefore(this.issued.plus(StreamOptions.ITERATOR_LIFETIME));
	}

	private static int checksum(String streamArn, byte[] body, int length) {
		CRC32C crc = new CRC32C();
		crc.update(streamArn.getBytes(StandardCharsets.UTF_8));
		crc.update(body, 0, length);
		return (int) crc.getValue();
	}

}
