package io.dynamodown.internal.batch;

import java.util.Objects;

/**
 * One write of a batch: a put or a delete of a full key (sublevel prefix included).
 */
public sealed interface WriteOp permits WriteOp.Put, WriteOp.Delete {

	/**
	 * The key written.
	 * @return the full key
	 */
	byte[] key();

	/**
	 * Puts a value under a key.
	 *
	 * @param key the full key
	 * @param value the value
	 */
	record Put(byte[] key, byte[] value) implements WriteOp {

		/**
		 * Creates a put.
		 * @param key the full key
		 * @param value the value
		 */
		public Put {
			Objects.requireNonNull(key, "'key' must not be null");
			Objects.requireNonNull(value, "'value' must not be null");
		}

	}

	/**
	 * Deletes a key.
	 *
	 * @param key the full key
	 */
	record Delete(byte[] key) implements WriteOp {

		/**
		 * Creates a delete.
		 * @param key the full key
		 */
		public Delete {
			Objects.requireNonNull(key, "'key' must not be null");
		}

	}

}
