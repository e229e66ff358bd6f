package io.dynamodown.internal.batch;

import java.util.Objects;

import io.dynamodown.internal.condition.Condition;
import io.dynamodown.internal.value.StoredValue;
import org.jspecify.annotations.Nullable;

/**
 * One write of a batch: a put or a delete of a full key (sublevel prefix included),
 * unconditional or conditional.
 */
public sealed interface WriteOp permits WriteOp.Put, WriteOp.Delete {

	/**
	 * The key written.
	 * @return the full key
	 */
	byte[] key();

	/**
	 * What the write requires of the key's current item.
	 * @return the condition, or {@code null} for an unconditional write
	 */
	@Nullable Condition condition();

	/**
	 * Puts a value under a key, replacing the item (and so any earlier expiry).
	 *
	 * @param key the full key
	 * @param value the value as it is stored (compressed or not)
	 * @param expiresAt the epoch second from which the key is absent, or {@code null} for
	 * no expiry
	 * @param condition what the write requires, or {@code null}
	 */
	record Put(byte[] key, StoredValue value, @Nullable Long expiresAt,
			@Nullable Condition condition) implements WriteOp {

		/**
		 * Creates a put.
		 * @param key the full key
		 * @param value the stored value
		 * @param expiresAt the epoch second of expiry, or {@code null}
		 * @param condition what the write requires, or {@code null}
		 */
		public Put {
			Objects.requireNonNull(key, "'key' must not be null");
			Objects.requireNonNull(value, "'value' must not be null");
		}

		/**
		 * Creates an unconditional put without expiry of a value stored as it is.
		 * @param key the full key
		 * @param value the value
		 */
		public Put(byte[] key, byte[] value) {
			this(key, StoredValue.plain(value), null, null);
		}

	}

	/**
	 * Deletes a key.
	 *
	 * @param key the full key
	 * @param condition what the delete requires, or {@code null}
	 */
	record Delete(byte[] key, @Nullable Condition condition) implements WriteOp {

		/**
		 * Creates a delete.
		 * @param key the full key
		 * @param condition what the delete requires, or {@code null}
		 */
		public Delete {
			Objects.requireNonNull(key, "'key' must not be null");
		}

		/**
		 * Creates an unconditional delete.
		 * @param key the full key
		 */
		public Delete(byte[] key) {
			this(key, null);
		}

	}

}
