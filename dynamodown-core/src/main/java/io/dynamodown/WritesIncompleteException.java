package io.dynamodown;

import java.util.List;

import io.dynamodown.internal.key.ByteKeys;
import org.jspecify.annotations.Nullable;

/**
 * A non-atomic bulk write (or a clear) left some of its writes undone after every retry.
 * The keys listed were not confirmed written (a write whose connection failed may still
 * have happened); every key not listed was written.
 */
public final class WritesIncompleteException extends LevelDbException {

	private static final long serialVersionUID = 1L;

	private static final int KEYS_IN_MESSAGE = 10;

	private final transient List<byte[]> unwrittenKeys;

	/**
	 * Creates the exception.
	 * @param what the operation, for the message
	 * @param total the number of writes attempted
	 * @param unwrittenKeys the keys not confirmed written, relative to the view written
	 * to
	 * @param cause the last failure, if any
	 */
	public WritesIncompleteException(String what, int total, List<byte[]> unwrittenKeys, @Nullable Throwable cause) {
		super(ErrorCode.WRITES_INCOMPLETE, what + ": " + unwrittenKeys.size() + " of " + total
				+ " writes not confirmed after retries, keys " + describe(unwrittenKeys), cause);
		this.unwrittenKeys = List.copyOf(unwrittenKeys);
	}

	/**
	 * The keys whose writes were not confirmed.
	 * @return the keys, in no particular order
	 */
	public List<byte[]> unwrittenKeys() {
		return this.unwrittenKeys;
	}

	private static String describe(List<byte[]> keys) {
		StringBuilder text = new StringBuilder("[");
		for (int i = 0; i < Math.min(keys.size(), KEYS_IN_MESSAGE); i++) {
			text.append((i > 0) ? ", " : "").append(ByteKeys.hex(keys.get(i)));
		}
		if (keys.size() > KEYS_IN_MESSAGE) {
			text.append(", … ").append(keys.size() - KEYS_IN_MESSAGE).append(" more");
		}
		return text.append("]").toString();
	}

}
