package io.dynamodown;

import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.internal.limit.Limits;
import org.jspecify.annotations.Nullable;

/**
 * An immutable key range with a direction and a limit, as abstract-level's iterator
 * options: {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code reverse} and
 * {@code limit}. Keys compare as unsigned bytes. When both {@code gt} and {@code gte} are
 * given {@code gte} wins, likewise {@code lte} over {@code lt}. An inverted range is
 * empty, not an error.
 *
 * <pre>{@code
 * Range.all().gte(from).lt(to).reverse().limit(10)
 * }</pre>
 */
public final class Range {

	/** The limit that means "no limit". */
	public static final long UNLIMITED = -1;

	private static final Range ALL = new Range(null, null, null, null, false, UNLIMITED);

	private final byte @Nullable [] gt;

	private final byte @Nullable [] gte;

	private final byte @Nullable [] lt;

	private final byte @Nullable [] lte;

	private final boolean reverse;

	private final long limit;

	private Range(byte @Nullable [] gt, byte @Nullable [] gte, byte @Nullable [] lt, byte @Nullable [] lte,
			boolean reverse, long limit) {
		this.gt = gt;
		this.gte = gte;
		this.lt = lt;
		this.lte = lte;
		this.reverse = reverse;
		this.limit = limit;
	}

	/**
	 * Every key, forward, unlimited.
	 * @return the full range
	 */
	public static Range all() {
		return ALL;
	}

	/**
	 * Keys greater than {@code key}.
	 * @param key the exclusive lower bound
	 * @return a new range
	 */
	public Range gt(byte[] key) {
		return new Range(copy(key, "gt"), this.gte, this.lt, this.lte, this.reverse, this.limit);
	}

	/**
	 * Keys greater than or equal to {@code key}.
	 * @param key the inclusive lower bound
	 * @return a new range
	 */
	public Range gte(byte[] key) {
		return new Range(this.gt, copy(key, "gte"), this.lt, this.lte, this.reverse, this.limit);
	}

	/**
	 * Keys less than {@code key}.
	 * @param key the exclusive upper bound
	 * @return a new range
	 */
	public Range lt(byte[] key) {
		return new Range(this.gt, this.gte, copy(key, "lt"), this.lte, this.reverse, this.limit);
	}

	/**
	 * Keys less than or equal to {@code key}.
	 * @param key the inclusive upper bound
	 * @return a new range
	 */
	public Range lte(byte[] key) {
		return new Range(this.gt, this.gte, this.lt, copy(key, "lte"), this.reverse, this.limit);
	}

	/**
	 * Keys greater than the UTF-8 bytes of {@code key}.
	 * @param key the exclusive lower bound
	 * @return a new range
	 */
	public Range gt(String key) {
		return gt(utf8(key, "gt"));
	}

	/**
	 * Keys greater than or equal to the UTF-8 bytes of {@code key}.
	 * @param key the inclusive lower bound
	 * @return a new range
	 */
	public Range gte(String key) {
		return gte(utf8(key, "gte"));
	}

	/**
	 * Keys less than the UTF-8 bytes of {@code key}.
	 * @param key the exclusive upper bound
	 * @return a new range
	 */
	public Range lt(String key) {
		return lt(utf8(key, "lt"));
	}

	/**
	 * Keys less than or equal to the UTF-8 bytes of {@code key}.
	 * @param key the inclusive upper bound
	 * @return a new range
	 */
	public Range lte(String key) {
		return lte(utf8(key, "lte"));
	}

	/**
	 * The same range read from the greatest key down.
	 * @return a new range
	 */
	public Range reverse() {
		return reverse(true);
	}

	/**
	 * The same range in the given direction.
	 * @param reverse {@code true} to read from the greatest key down
	 * @return a new range
	 */
	public Range reverse(boolean reverse) {
		return new Range(this.gt, this.gte, this.lt, this.lte, reverse, this.limit);
	}

	/**
	 * The same range, returning at most {@code limit} entries.
	 * @param limit the most entries to return; {@value #UNLIMITED} for no limit,
	 * {@code 0} for none
	 * @return a new range
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for a limit below
	 * {@code -1}
	 */
	public Range limit(long limit) {
		if (limit < UNLIMITED) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"limit must be -1 (unlimited) or at least 0, was " + limit);
		}
		return new Range(this.gt, this.gte, this.lt, this.lte, this.reverse, limit);
	}

	/**
	 * The lower bound: {@code gte} when given, else {@code gt}.
	 */
	@Nullable KeyBound lower() {
		if (this.gte != null) {
			return new KeyBound(this.gte, true);
		}
		return (this.gt != null) ? new KeyBound(this.gt, false) : null;
	}

	/**
	 * The upper bound: {@code lte} when given, else {@code lt}.
	 */
	@Nullable KeyBound upper() {
		if (this.lte != null) {
			return new KeyBound(this.lte, true);
		}
		return (this.lt != null) ? new KeyBound(this.lt, false) : null;
	}

	/**
	 * Whether the range is read from the greatest key down.
	 * @return {@code true} for reverse order
	 */
	public boolean isReverse() {
		return this.reverse;
	}

	/**
	 * The most entries to return.
	 * @return the limit, {@value #UNLIMITED} for none
	 */
	public long limit() {
		return this.limit;
	}

	/**
	 * Whether a limit is set.
	 * @return {@code true} unless the limit is {@value #UNLIMITED}
	 */
	public boolean isLimited() {
		return this.limit != UNLIMITED;
	}

	@Override
	public String toString() {
		KeyBound lower = lower();
		KeyBound upper = upper();
		return "Range[" + ((lower != null) ? lower.toString() : "(-inf") + ", "
				+ ((upper != null) ? upperText(upper) : "+inf)") + (this.reverse ? ", reverse" : "")
				+ (isLimited() ? ", limit " + this.limit : "") + "]";
	}

	private static String upperText(KeyBound bound) {
		return ByteKeys.hex(bound.key()) + (bound.inclusive() ? "]" : ")");
	}

	private static byte[] copy(byte[] key, String option) {
		if (key == null) {
			throw new LevelDbException(ErrorCode.INVALID_KEY, "range option '" + option + "' must not be null");
		}
		return key.clone();
	}

	private static byte[] utf8(String key, String option) {
		if (key == null) {
			throw new LevelDbException(ErrorCode.INVALID_KEY, "range option '" + option + "' must not be null");
		}
		return Errors.call(() -> Limits.utf8(key, Kind.INVALID_ARGUMENT, "range option '" + option + "'"));
	}

}
