package io.dynamodown.codec;

import io.dynamodown.Range;

/**
 * A {@link Range} whose bounds are given as typed keys, encoded by the key codec.
 *
 * @param <K> the key type
 */
public final class TypedRange<K> {

	private final Codec<K> keyCodec;

	private final Range range;

	TypedRange(Codec<K> keyCodec, Range range) {
		this.keyCodec = keyCodec;
		this.range = range;
	}

	/**
	 * Keys greater than {@code key}.
	 * @param key the exclusive lower bound
	 * @return a new range
	 */
	public TypedRange<K> gt(K key) {
		return with(this.range.gt(Encoding.bound(this.keyCodec, key, "gt")));
	}

	/**
	 * Keys greater than or equal to {@code key}.
	 * @param key the inclusive lower bound
	 * @return a new range
	 */
	public TypedRange<K> gte(K key) {
		return with(this.range.gte(Encoding.bound(this.keyCodec, key, "gte")));
	}

	/**
	 * Keys less than {@code key}.
	 * @param key the exclusive upper bound
	 * @return a new range
	 */
	public TypedRange<K> lt(K key) {
		return with(this.range.lt(Encoding.bound(this.keyCodec, key, "lt")));
	}

	/**
	 * Keys less than or equal to {@code key}.
	 * @param key the inclusive upper bound
	 * @return a new range
	 */
	public TypedRange<K> lte(K key) {
		return with(this.range.lte(Encoding.bound(this.keyCodec, key, "lte")));
	}

	/**
	 * The same range read from the greatest key down.
	 * @return a new range
	 */
	public TypedRange<K> reverse() {
		return with(this.range.reverse());
	}

	/**
	 * The same range in the given direction.
	 * @param reverse {@code true} to read from the greatest key down
	 * @return a new range
	 */
	public TypedRange<K> reverse(boolean reverse) {
		return with(this.range.reverse(reverse));
	}

	/**
	 * The same range, returning at most {@code limit} entries.
	 * @param limit the most entries, {@value Range#UNLIMITED} for no limit
	 * @return a new range
	 */
	public TypedRange<K> limit(long limit) {
		return with(this.range.limit(limit));
	}

	/**
	 * The byte range.
	 * @return the range with encoded bounds
	 */
	public Range toRange() {
		return this.range;
	}

	private TypedRange<K> with(Range range) {
		return new TypedRange<>(this.keyCodec, range);
	}

}
