package io.dynamodown;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One change of a key, as a subscription delivers it ({@link LevelDb#subscribe}): the key
 * (relative to the view subscribed on, as that view's own API names it), what happened to
 * it, the value written and the value before. Values arrive decoded: decompressed, and a
 * large value read whole from its chunks.
 * <p>
 * The arrays are the change's own, not copied on each call; a handler may keep them but
 * should not modify them.
 */
public final class Change {

	private final Kind kind;

	private final byte[] key;

	private final byte @Nullable [] value;

	private final byte @Nullable [] previousValue;

	private final String sequenceNumber;

	private final Instant time;

	private final boolean superseded;

	/**
	 * Creates a change, as a subscription does; useful to test a handler.
	 * @param kind what happened
	 * @param key the key
	 * @param value the value written by a {@link Kind#PUT}; {@code null} for a delete or
	 * an expiry, and for a superseded put of a key absent when it was read
	 * @param previousValue the key's live value before the change, or {@code null}
	 * @param sequenceNumber the stream's sequence number of the change
	 * @param time when DynamoDB recorded the change (to the second on AWS)
	 * @param superseded whether the value written could no longer be read (see
	 * {@link #superseded()})
	 * @throws LevelDbException {@link ErrorCode#INVALID_ARGUMENT} for a {@code null}
	 * kind, key, sequence number or time, a put without a value that is not superseded,
	 * or a delete or expiry with a value
	 */
	public Change(Kind kind, byte[] key, byte @Nullable [] value, byte @Nullable [] previousValue,
			String sequenceNumber, Instant time, boolean superseded) {
		if (kind == null || key == null || sequenceNumber == null || time == null) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"a change needs a kind, a key, a sequence number and a time");
		}
		if (kind == Kind.PUT && value == null && !superseded) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT, "a PUT change needs its value");
		}
		if (kind != Kind.PUT && (value != null || superseded)) {
			throw new LevelDbException(ErrorCode.INVALID_ARGUMENT,
					"a " + kind + " change has no value and is never superseded");
		}
		this.kind = kind;
		this.key = key;
		this.value = value;
		this.previousValue = previousValue;
		this.sequenceNumber = sequenceNumber;
		this.time = time;
		this.superseded = superseded;
	}

	/**
	 * What happened to the key.
	 * @return the kind of change
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The key, without the prefix of the sublevel subscribed on.
	 * @return the key's bytes
	 */
	public byte[] key() {
		return this.key;
	}

	/**
	 * The value a {@link Kind#PUT} wrote, decoded. Empty for a {@link Kind#DELETE} and an
	 * {@link Kind#EXPIRED}; for a {@link #superseded()} put, the key's value when the
	 * change was read, empty when it had none.
	 * @return the value
	 */
	public Optional<byte[]> value() {
		return Optional.ofNullable(this.value);
	}

	/**
	 * The key's value before the change: for an {@link Kind#EXPIRED}, the value that
	 * expired. Empty when the key had no live value before (it was absent, or had expired
	 * and was not yet deleted by DynamoDB), and when the previous value was a large value
	 * stored in chunks: the write that replaces or deletes it removes those chunks right
	 * after it commits, before any subscription can read them.
	 * @return the previous value
	 */
	public Optional<byte[]> previousValue() {
		return Optional.ofNullable(this.previousValue);
	}

	/**
	 * Whether the value this put wrote could no longer be read when the change was
	 * delivered: it was a large value, stored in chunks, and a later write, delete or
	 * expiry of the key removed them first. {@link #value()} then holds the key's value
	 * when the change was read (a later one, whole, never a mix of two), or is empty when
	 * the key had none; the later change that replaced it is delivered after this one.
	 * Always {@code false} for a delete and an expiry.
	 * @return whether the written value was superseded
	 */
	public boolean superseded() {
		return this.superseded;
	}

	/**
	 * DynamoDB Streams' sequence number of the change: changes of one key have increasing
	 * sequence numbers; across keys they are not comparable.
	 * @return the sequence number, a string of decimal digits
	 */
	public String sequenceNumber() {
		return this.sequenceNumber;
	}

	/**
	 * When DynamoDB recorded the change, by its own clock (to the second on AWS); for an
	 * expiry, when DynamoDB deleted the key, which may be long after it expired.
	 * @return the time
	 */
	public Instant time() {
		return this.time;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Change change && this.kind == change.kind && Arrays.equals(this.key, change.key)
				&& Arrays.equals(this.value, change.value) && Arrays.equals(this.previousValue, change.previousValue)
				&& this.sequenceNumber.equals(change.sequenceNumber) && this.time.equals(change.time)
				&& this.superseded == change.superseded;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, Arrays.hashCode(this.key), Arrays.hashCode(this.value),
				Arrays.hashCode(this.previousValue), this.sequenceNumber, this.time, this.superseded);
	}

	@Override
	public String toString() {
		return "Change[" + this.kind + ", key=" + this.key.length + " bytes"
				+ ((this.value != null) ? ", value=" + this.value.length + " bytes" : "")
				+ ((this.previousValue != null) ? ", previous=" + this.previousValue.length + " bytes" : "")
				+ (this.superseded ? ", superseded" : "") + ", sequence " + this.sequenceNumber + ", " + this.time
				+ "]";
	}

	/**
	 * What happened to a key.
	 */
	public enum Kind {

		/** A value was written (put, batch, bulk write, conditional write). */
		PUT,

		/** The key was deleted (delete, batch, bulk write, clear). */
		DELETE,

		/**
		 * The key's time to live ran out and it was deleted: by DynamoDB's TTL, or by a
		 * write of the store that removed the expired item.
		 */
		EXPIRED

	}

}
