package io.dynamodown.server.internal.engine;

import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;

/**
 * The key of an item in a table or an index: a partition key value and, in a table with a
 * sort key, a sort key value. Keys are ordered as a table's items are kept: by a hash of
 * the partition key first (which spreads partitions over the {@code Scan} segments, as
 * DynamoDB does), then by partition key, then by sort key in DynamoDB's order.
 * <p>
 * Bounds of ranges are keys too: the start of a token (before every partition with that
 * token or a larger one), and the end of a partition (after every sort key in it).
 */
final class PrimaryKey {

	/** The order of items in a table or index. */
	static final Comparator<PrimaryKey> ORDER = PrimaryKey::compare;

	/**
	 * The order of an index's items that have the same index key: by the hash of their
	 * whole table key first, as DynamoDB keeps them.
	 */
	static final Comparator<PrimaryKey> WITHIN_INDEX_KEY = Comparator.comparingInt(PrimaryKey::itemHash)
		.thenComparing(ORDER);

	/** Bits of a token that place a partition in a parallel {@code Scan}'s segments. */
	private static final int SEGMENT_BITS = 12;

	private static final int UNKNOWN = -1;

	private static final int START = 0;

	private static final int VALUE = 1;

	private static final int END = 2;

	private final long token;

	private final @Nullable AttributeValue hash;

	private final @Nullable AttributeValue range;

	private final int rangeRank;

	/** The hash of the whole key, computed when first needed. */
	private int itemHash = UNKNOWN;

	private PrimaryKey(long token, @Nullable AttributeValue hash, @Nullable AttributeValue range, int rangeRank) {
		this.token = token;
		this.hash = hash;
		this.range = range;
		this.rangeRank = rangeRank;
	}

	/**
	 * Creates a key.
	 * @param hash the partition key value
	 * @param range the sort key value, or {@code null} in a table without one
	 */
	PrimaryKey(AttributeValue hash, @Nullable AttributeValue range) {
		this(tokenOf(hash), hash, range, VALUE);
	}

	/**
	 * Returns a bound before every key of a partition.
	 * @param hash the partition key value
	 * @return the bound
	 */
	static PrimaryKey partitionStart(AttributeValue hash) {
		return new PrimaryKey(tokenOf(hash), hash, null, START);
	}

	/**
	 * Returns a bound after every key of a partition.
	 * @param hash the partition key value
	 * @return the bound
	 */
	static PrimaryKey partitionEnd(AttributeValue hash) {
		return new PrimaryKey(tokenOf(hash), hash, null, END);
	}

	/**
	 * Returns a bound before every partition whose token is at least the given one.
	 * @param token the token
	 * @return the bound
	 */
	static PrimaryKey tokenStart(long token) {
		return new PrimaryKey(token, null, null, START);
	}

	/**
	 * Returns the partition key value.
	 * @return the value
	 * @throws IllegalStateException on a token bound
	 */
	AttributeValue hash() {
		if (this.hash == null) {
			throw new IllegalStateException("a token bound has no partition key");
		}
		return this.hash;
	}

	/**
	 * Returns the sort key value.
	 * @return the value, or {@code null} in a table without one and on bounds
	 */
	@Nullable AttributeValue range() {
		return this.range;
	}

	/**
	 * Returns the position of this key's partition on the hash ring: DynamoDB's hash of
	 * the partition key value.
	 * @return the token, {@code 0 .. 2^24 - 1}
	 */
	long token() {
		return this.token;
	}

	/**
	 * Returns the {@code Scan} segment of this key's partition. DynamoDB divides the ring
	 * by the top 12 bits of the token: segment {@code s} of {@code n} starts at
	 * {@code ceil(4096 * s / n)}.
	 * @param totalSegments the number of segments
	 * @return the segment, {@code 0 .. totalSegments - 1}
	 */
	int segment(int totalSegments) {
		long prefix = this.token >>> (KeyHash.BITS - SEGMENT_BITS);
		return (int) ((prefix * totalSegments) >>> SEGMENT_BITS);
	}

	/**
	 * Returns the first token of a segment.
	 * @param segment the segment
	 * @param totalSegments the number of segments
	 * @return the smallest token in it ({@code 2^24} past the last segment)
	 */
	static long firstToken(int segment, int totalSegments) {
		long prefix = ((((long) segment) << SEGMENT_BITS) + totalSegments - 1) / totalSegments;
		return prefix << (KeyHash.BITS - SEGMENT_BITS);
	}

	private int itemHash() {
		int hash = this.itemHash;
		if (hash == UNKNOWN) {
			// a benign race: every thread computes the same value
			hash = KeyHash.of(hash(), this.range);
			this.itemHash = hash;
		}
		return hash;
	}

	private static int compare(PrimaryKey a, PrimaryKey b) {
		int order = Long.compare(a.token, b.token);
		if (order != 0) {
			return order;
		}
		if (a.hash == null || b.hash == null) {
			return Boolean.compare(a.hash != null, b.hash != null);
		}
		order = a.hash.compareTo(b.hash);
		if (order != 0) {
			return order;
		}
		if (a.rangeRank != VALUE || b.rangeRank != VALUE) {
			return Integer.compare(a.rangeRank, b.rangeRank);
		}
		if (a.range == null || b.range == null) {
			// keys of a table without a sort key: a partition holds one item
			return Boolean.compare(a.range != null, b.range != null);
		}
		return a.range.compareTo(b.range);
	}

	private static long tokenOf(AttributeValue hash) {
		return KeyHash.of(hash);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PrimaryKey && compare(this, (PrimaryKey) other) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.hash, this.range, this.rangeRank);
	}

	@Override
	public String toString() {
		return (this.range != null) ? this.hash + "/" + this.range : String.valueOf(this.hash);
	}

}
