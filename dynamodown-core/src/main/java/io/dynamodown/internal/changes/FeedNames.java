package io.dynamodown.internal.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.layout.Records;
import org.jspecify.annotations.Nullable;

/**
 * The sort keys of a consumer's records, among the database's own {@link Records}: format
 * byte {@code 0x02}, then the ASCII name {@code changes/<consumer>/<view>/} followed by
 * {@code consumer} (the consumer's own record), {@code member/<subscriber id>} (a running
 * subscriber) or {@code shard/<shard id>} (a shard's lease and checkpoint).
 * {@code <view>} is {@code -} for the root of the database and 32 hex digits of the
 * SHA-256 of a sublevel's prefix otherwise, so the same consumer name on two views is two
 * consumers. Pure: no I/O.
 *
 * @param consumer the consumer name, checked
 * @param viewPrefix the key prefix of the view subscribed on, empty for the root
 */
public record FeedNames(String consumer, byte[] viewPrefix) {

	/** The longest consumer name. */
	public static final int MAX_CONSUMER_LENGTH = 128;

	/** What every name of the change feed begins with, after the format byte. */
	public static final String ROOT = "changes/";

	private static final Pattern CONSUMER = Pattern.compile("[A-Za-z0-9_.-]+");

	private static final String CONSUMER_RECORD = "consumer";

	private static final String MEMBER = "member/";

	private static final String SHARD = "shard/";

	/**
	 * Checks a consumer name: 1 to {@value #MAX_CONSUMER_LENGTH} characters of
	 * {@code [A-Za-z0-9_.-]}.
	 * @param consumer the name
	 * @return the name
	 * @throws StoreFailure {@link Kind#INVALID_ARGUMENT} naming the rule and the value
	 */
	public static String checkConsumer(@Nullable String consumer) {
		if (consumer == null || consumer.isEmpty() || consumer.length() > MAX_CONSUMER_LENGTH
				|| !CONSUMER.matcher(consumer).matches()) {
			String shown = (consumer == null) ? "null" : (consumer.length() > MAX_CONSUMER_LENGTH)
					? consumer.length() + " characters" : "'" + consumer + "'";
			throw new StoreFailure(Kind.INVALID_ARGUMENT, "consumer name must be 1 to " + MAX_CONSUMER_LENGTH
					+ " characters of [A-Za-z0-9_.-], was " + shown);
		}
		return consumer;
	}

	/**
	 * The sort key prefix of every record of this consumer on this view.
	 * @return the bytes
	 */
	public byte[] base() {
		return sortKey("");
	}

	/**
	 * The sort key of the consumer's own record.
	 * @return the bytes
	 */
	public byte[] consumerRecord() {
		return sortKey(CONSUMER_RECORD);
	}

	/**
	 * The sort key of a running subscriber's membership.
	 * @param subscriber the subscriber's id
	 * @return the bytes
	 */
	public byte[] member(String subscriber) {
		return sortKey(MEMBER + subscriber);
	}

	/**
	 * The sort key of a shard's lease and checkpoint.
	 * @param shardId the shard's id
	 * @return the bytes
	 */
	public byte[] shard(String shardId) {
		return sortKey(SHARD + shardId);
	}

	/**
	 * What a record of this consumer is, from its sort key.
	 * @param sortKey the sort key
	 * @return the member id or shard id it names, with its kind; {@code null} for the
	 * consumer record or a sort key of another consumer
	 */
	public @Nullable Named nameOf(byte[] sortKey) {
		byte[] base = base();
		if (sortKey.length <= base.length || !Arrays.equals(sortKey, 0, base.length, base, 0, base.length)) {
			return null;
		}
		String rest = new String(sortKey, base.length, sortKey.length - base.length, StandardCharsets.US_ASCII);
		if (rest.startsWith(MEMBER)) {
			return new Named(false, rest.substring(MEMBER.length()));
		}
		if (rest.startsWith(SHARD)) {
			return new Named(true, rest.substring(SHARD.length()));
		}
		return null;
	}

	/**
	 * The view segment: {@code -} for the root, else a digest of the prefix, so that any
	 * sublevel (up to 1023 bytes of prefix) names its records within the sort key limit.
	 * @return the segment
	 */
	String view() {
		if (this.viewPrefix.length == 0) {
			return "-";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.viewPrefix);
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	private byte[] sortKey(String name) {
		return Records.sortKey(ROOT + this.consumer + "/" + view() + "/" + name);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FeedNames names && this.consumer.equals(names.consumer)
				&& Arrays.equals(this.viewPrefix, names.viewPrefix);
	}

	@Override
	public int hashCode() {
		return 31 * this.consumer.hashCode() + Arrays.hashCode(this.viewPrefix);
	}

	@Override
	public String toString() {
		return "FeedNames[" + this.consumer + "/" + view() + "]";
	}

	/**
	 * A member or shard record, by its id.
	 *
	 * @param shard {@code true} for a shard's record, {@code false} for a member's
	 * @param id the shard id or the subscriber id
	 */
	public record Named(boolean shard, String id) {

	}

}
