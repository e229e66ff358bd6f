package io.dynamodown.internal.changes;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the values of item images from stream records, as the store reads its items:
 * decompressed, a chunked value read whole.
 */
public interface ImageValues {

	/**
	 * The value of an image that holds it inline.
	 * @param key the full key
	 * @param image the item image
	 * @return the decoded value, or {@code null} when the value is in chunks
	 * @throws io.dynamodown.internal.failure.StoreFailure
	 * {@link io.dynamodown.internal.failure.StoreFailure.Kind#CORRUPT_ITEM} when the
	 * image cannot be read
	 */
	byte @Nullable [] inline(byte[] key, Map<String, AttributeValue> image);

	/**
	 * The whole value of an image, its chunks read when it has them.
	 * @param key the full key
	 * @param image the item image
	 * @return the decoded value, or {@code null} when a chunk is gone (the key was
	 * written again, deleted or expired since)
	 * @throws io.dynamodown.internal.failure.StoreFailure
	 * {@link io.dynamodown.internal.failure.StoreFailure.Kind#CORRUPT_ITEM} when the
	 * image or its chunks cannot be read
	 */
	byte @Nullable [] whole(byte[] key, Map<String, AttributeValue> image);

	/**
	 * The key's live value now.
	 * @param key the full key
	 * @return the value, empty when absent
	 */
	Optional<byte[]> current(byte[] key);

}
