package io.dynamodown.internal.changes;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import io.dynamodown.internal.expiry.ExpiryClock;
import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.layout.Records;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Turns a DynamoDB Streams record into a change of the view subscribed on, or into
 * nothing: a record of another database, of a chunk item ({@code 0x01}), of the
 * database's own records ({@code 0x02}) or of another sublevel is no change.
 * <ul>
 * <li>{@code INSERT} and {@code MODIFY} are puts; {@code REMOVE} is an expiry when
 * DynamoDB's TTL removed the item, or when the item removed had already expired (the
 * store's view: expired = absent), else a delete.</li>
 * <li>The value written is read whole (a chunked one from its chunks); when its chunks
 * are gone, the change is superseded and carries the key's value when it was read.</li>
 * <li>The previous value is the old image's, when it held its value inline and was live
 * at the change (for an expiry: the value that expired).</li>
 * </ul>
 */
public final class RecordDecoder {

	/** The identity DynamoDB gives the deletions of its TTL. */
	static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

	private static final String SERVICE = "Service";

	private static final byte[] FEED_PREFIX = Records.sortKey(FeedNames.ROOT);

	private final FeedScope scope;

	private final ImageValues values;

	private final Clock clock;

	/**
	 * Creates the decoder of one subscription.
	 * @param scope the database and the view followed
	 * @param values reads the values of images
	 * @param clock the time of a record that carries none
	 */
	public RecordDecoder(FeedScope scope, ImageValues values, Clock clock) {
		this.scope = scope;
		this.values = values;
		this.clock = clock;
	}

	/**
	 * Decodes one record.
	 * @param record the stream record
	 * @return the change, or {@code null} when the record is not a change of the view
	 * @throws StoreFailure {@link StoreFailure.Kind#CORRUPT_ITEM} naming the key when an
	 * image cannot be read
	 */
	public @Nullable DecodedChange decode(Record record) {
		StreamRecord stream = record.dynamodb();
		byte[] fullKey = (stream != null) ? fullKeyOf(stream.keys()) : null;
		if (stream == null || fullKey == null) {
			return null;
		}
		byte[] key = Arrays.copyOfRange(fullKey, this.scope.viewPrefix().length, fullKey.length);
		Instant time = (stream.approximateCreationDateTime() != null) ? stream.approximateCreationDateTime()
				: this.clock.instant();
		Map<String, AttributeValue> oldImage = stream.hasOldImage() ? stream.oldImage() : null;
		boolean oldLive = oldImage != null && isLiveAt(oldImage, time);
		if (record.eventName() == OperationType.REMOVE) {
			boolean expired = byTimeToLive(record.userIdentity()) || (oldImage != null && !oldLive);
			// a removed item is either live (a delete) or the value that expired
			byte[] previous = (oldImage != null) ? this.values.inline(fullKey, oldImage) : null;
			return new DecodedChange(expired ? ChangeKind.EXPIRED : ChangeKind.DELETE, key, null, previous,
					stream.sequenceNumber(), time, false);
		}
		if (!stream.hasNewImage()) {
			throw StoreFailure.corrupt(fullKey, "NewImage",
					"is missing from a stream record of a write: the stream's view type must be NEW_AND_OLD_IMAGES");
		}
		byte[] previous = (oldImage != null && oldLive) ? this.values.inline(fullKey, oldImage) : null;
		byte[] written = this.values.whole(fullKey, stream.newImage());
		if (written != null) {
			return new DecodedChange(ChangeKind.PUT, key, written, previous, stream.sequenceNumber(), time, false);
		}
		byte[] current = this.values.current(fullKey).orElse(null);
		return new DecodedChange(ChangeKind.PUT, key, current, previous, stream.sequenceNumber(), time, true);
	}

	/**
	 * Whether a record is of one of the change feed's own records (checkpoints, leases,
	 * memberships) in this database: they are written while the stream is read.
	 * @param record the record
	 * @return {@code true} for a record of a sort key {@code 0x02 changes/…} of the
	 * database
	 */
	public boolean isFeedRecord(Record record) {
		StreamRecord stream = record.dynamodb();
		if (stream == null) {
			return false;
		}
		KeyLayout layout = this.scope.layout();
		AttributeValue hash = stream.keys().get(layout.names().hashKey());
		AttributeValue sort = stream.keys().get(layout.names().sortKey());
		if (hash == null || !this.scope.recordsHashKey().equals(hash.s()) || sort == null || sort.b() == null) {
			return false;
		}
		byte[] sortKey = sort.b().asByteArrayUnsafe();
		return sortKey.length > FEED_PREFIX.length
				&& Arrays.equals(sortKey, 0, FEED_PREFIX.length, FEED_PREFIX, 0, FEED_PREFIX.length);
	}

	/**
	 * The full key a record names, to report a record that cannot be decoded.
	 * @param record the record
	 * @return the sort key less its format byte, empty when it has none
	 */
	public byte[] fullKeyOf(Record record) {
		StreamRecord stream = record.dynamodb();
		AttributeValue sort = (stream != null) ? stream.keys().get(this.scope.layout().names().sortKey()) : null;
		byte[] sortKey = (sort != null && sort.b() != null) ? sort.b().asByteArrayUnsafe() : new byte[0];
		return (sortKey.length > 0) ? Arrays.copyOfRange(sortKey, 1, sortKey.length) : sortKey;
	}

	/**
	 * The full key of a record's primary key, when it is a key of the view followed: its
	 * partition key is one of the database's, its sort key starts with the format byte of
	 * keys and, after it, with the view's prefix.
	 */
	private byte @Nullable [] fullKeyOf(Map<String, AttributeValue> keys) {
		KeyLayout layout = this.scope.layout();
		AttributeValue hash = keys.get(layout.names().hashKey());
		AttributeValue sort = keys.get(layout.names().sortKey());
		if (hash == null || hash.s() == null || !this.scope.holdsKeysOf(hash.s()) || sort == null || sort.b() == null) {
			return null;
		}
		byte[] sortKey = sort.b().asByteArrayUnsafe();
		byte[] prefix = this.scope.viewPrefix();
		if (sortKey.length < 1 + prefix.length || sortKey[0] != KeyLayout.FORMAT_BYTE
				|| !Arrays.equals(sortKey, 1, 1 + prefix.length, prefix, 0, prefix.length)) {
			return null;
		}
		return Arrays.copyOfRange(sortKey, 1, sortKey.length);
	}

	private boolean isLiveAt(Map<String, AttributeValue> image, Instant time) {
		return ExpiryClock.isLive(this.scope.layout().expiresAtOf(image), time.getEpochSecond());
	}

	private static boolean byTimeToLive(@Nullable Identity identity) {
		return identity != null && SERVICE.equals(identity.type()) && TTL_PRINCIPAL.equals(identity.principalId());
	}

}
