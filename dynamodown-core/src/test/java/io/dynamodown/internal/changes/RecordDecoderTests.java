package io.dynamodown.internal.changes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.table.AttributeNames;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream records decoded into changes without a server: which records are changes of the
 * view, their kind, and their values.
 */
class RecordDecoderTests {

	private static final Instant TIME = Instant.parse("2026-01-01T00:00:10Z");

	private static final KeyLayout LAYOUT = new KeyLayout("t", "db", AttributeNames.DEFAULT);

	private final Map<String, byte[]> chunked = new HashMap<>();

	private final Map<String, byte[]> current = new HashMap<>();

	private final RecordDecoder root = decoder(new byte[0]);

	@Test
	void anInsertIsAPutWithoutPreviousValue() {
		DecodedChange change = this.root
			.decode(record(OperationType.INSERT, "db", key(0x00, "a"), null, image("a", "1")));
		assertThat(change).isNotNull();
		assertThat(change.kind()).isEqualTo(ChangeKind.PUT);
		assertThat(change.key()).isEqualTo(utf8("a"));
		assertThat(change.value()).isEqualTo(utf8("1"));
		assertThat(change.previousValue()).isNull();
		assertThat(change.sequenceNumber()).isEqualTo("100");
		assertThat(change.time()).isEqualTo(TIME);
		assertThat(change.superseded()).isFalse();
	}

	@Test
	void aModifyCarriesTheLivePreviousValue() {
		DecodedChange change = this.root
			.decode(record(OperationType.MODIFY, "db", key(0x00, "a"), image("a", "1"), image("a", "2")));
		assertThat(change.kind()).isEqualTo(ChangeKind.PUT);
		assertThat(change.previousValue()).isEqualTo(utf8("1"));
	}

	@Test
	void aPutOverAnExpiredItemHasNoPreviousValue() {
		Map<String, AttributeValue> expired = expiring(image("a", "1"), TIME.getEpochSecond());
		DecodedChange change = this.root
			.decode(record(OperationType.MODIFY, "db", key(0x00, "a"), expired, image("a", "2")));
		assertThat(change.kind()).isEqualTo(ChangeKind.PUT);
		assertThat(change.previousValue()).isNull();
	}

	@Test
	void aRemoveByAWriteIsADelete() {
		DecodedChange change = this.root
			.decode(record(OperationType.REMOVE, "db", key(0x00, "a"), image("a", "1"), null));
		assertThat(change.kind()).isEqualTo(ChangeKind.DELETE);
		assertThat(change.value()).isNull();
		assertThat(change.previousValue()).isEqualTo(utf8("1"));
	}

	@Test
	void aRemoveByDynamoDbsTimeToLiveIsAnExpiryCarryingTheValueThatExpired() {
		Map<String, AttributeValue> old = expiring(image("a", "1"), TIME.getEpochSecond() - 5);
		Record record = record(OperationType.REMOVE, "db", key(0x00, "a"), old, null).toBuilder()
			.userIdentity((identity) -> identity.type("Service").principalId(RecordDecoder.TTL_PRINCIPAL))
			.build();
		DecodedChange change = this.root.decode(record);
		assertThat(change.kind()).isEqualTo(ChangeKind.EXPIRED);
		assertThat(change.previousValue()).isEqualTo(utf8("1"));
	}

	@Test
	void aRemoveOfAnItemAlreadyExpiredIsAnExpiry() {
		Map<String, AttributeValue> old = expiring(image("a", "1"), TIME.getEpochSecond());
		DecodedChange change = this.root.decode(record(OperationType.REMOVE, "db", key(0x00, "a"), old, null));
		assertThat(change.kind()).isEqualTo(ChangeKind.EXPIRED);
	}

	@Test
	void aRemoveOfALiveItemWithAnExpiryIsADelete() {
		Map<String, AttributeValue> old = expiring(image("a", "1"), TIME.getEpochSecond() + 1);
		assertThat(this.root.decode(record(OperationType.REMOVE, "db", key(0x00, "a"), old, null)).kind())
			.isEqualTo(ChangeKind.DELETE);
	}

	@Test
	void recordsOfOtherDatabasesChunksAndOwnRecordsAreNoChanges() {
		assertThat(this.root.decode(record(OperationType.INSERT, "other", key(0x00, "a"), null, image("a", "1"))))
			.isNull();
		assertThat(this.root.decode(record(OperationType.INSERT, "db", key(0x01, "chunk"), null, image("a", "1"))))
			.isNull();
		assertThat(this.root.decode(record(OperationType.INSERT, "db", key(0x02, "changes/x"), null, image("a", "1"))))
			.isNull();
	}

	@Test
	void aSublevelSeesOnlyItsKeysWithoutItsPrefix() {
		RecordDecoder sublevel = decoder(utf8("!s!"));
		DecodedChange change = sublevel
			.decode(record(OperationType.INSERT, "db", key(0x00, "!s!k"), null, image("!s!k", "1")));
		assertThat(change.key()).isEqualTo(utf8("k"));
		assertThat(sublevel.decode(record(OperationType.INSERT, "db", key(0x00, "!t!k"), null, image("!t!k", "1"))))
			.isNull();
		assertThat(sublevel.decode(record(OperationType.INSERT, "db", key(0x00, "k"), null, image("k", "1")))).isNull();
	}

	@Test
	void aLargeValueIsReadWholeAndItsLargePreviousValueIsNotDelivered() {
		this.chunked.put("a", utf8("large"));
		DecodedChange change = this.root
			.decode(record(OperationType.MODIFY, "db", key(0x00, "a"), chunkedImage("a"), chunkedImage("a")));
		assertThat(change.value()).isEqualTo(utf8("large"));
		assertThat(change.previousValue()).isNull();
		assertThat(change.superseded()).isFalse();
	}

	@Test
	void aLargeValueWhoseChunksAreGoneIsSupersededByTheKeysCurrentValue() {
		this.current.put("a", utf8("later"));
		DecodedChange change = this.root
			.decode(record(OperationType.INSERT, "db", key(0x00, "a"), null, chunkedImage("a")));
		assertThat(change.kind()).isEqualTo(ChangeKind.PUT);
		assertThat(change.superseded()).isTrue();
		assertThat(change.value()).isEqualTo(utf8("later"));
		this.current.clear();
		DecodedChange deleted = this.root
			.decode(record(OperationType.INSERT, "db", key(0x00, "a"), null, chunkedImage("a")));
		assertThat(deleted.superseded()).isTrue();
		assertThat(deleted.value()).isNull();
	}

	@Test
	void theKeysOfEveryShardOfAShardedDatabaseAreItsAndNoOtherPartitionKeys() {
		RecordDecoder sharded = decoder(new KeyLayout("t", "db", AttributeNames.DEFAULT, 12), new byte[0]);
		for (String partitionKey : new String[] { "db", "db\u00001", "db\u000011" }) {
			assertThat(
					sharded.decode(record(OperationType.INSERT, partitionKey, key(0x00, "a"), null, image("a", "1"))))
				.as(partitionKey)
				.isNotNull();
		}
		for (String other : new String[] { "db\u000012", "db\u000001", "db\u0000", "db\u00001x", "dbx", "d" }) {
			assertThat(sharded.decode(record(OperationType.INSERT, other, key(0x00, "a"), null, image("a", "1"))))
				.as(other)
				.isNull();
		}
		assertThat(this.root.decode(record(OperationType.INSERT, "db\u00001", key(0x00, "a"), null, image("a", "1"))))
			.as("a database of one shard has no shard 1")
			.isNull();
	}

	private RecordDecoder decoder(byte[] prefix) {
		return decoder(LAYOUT, prefix);
	}

	private RecordDecoder decoder(KeyLayout layout, byte[] prefix) {
		return new RecordDecoder(new FeedScope(layout, prefix), new ImageValues() {

			@Override
			public byte @Nullable [] inline(byte[] key, Map<String, AttributeValue> image) {
				AttributeValue value = image.get("value");
				return (value != null) ? value.b().asByteArray() : null;
			}

			@Override
			public byte @Nullable [] whole(byte[] key, Map<String, AttributeValue> image) {
				byte[] inline = inline(key, image);
				return (inline != null) ? inline : RecordDecoderTests.this.chunked.get(text(key));
			}

			@Override
			public Optional<byte[]> current(byte[] key) {
				return Optional.ofNullable(RecordDecoderTests.this.current.get(text(key)));
			}

		}, Clock.fixed(TIME, ZoneOffset.UTC));
	}

	private static Record record(OperationType event, String hashKey, byte[] sortKey,
			@Nullable Map<String, AttributeValue> oldImage, @Nullable Map<String, AttributeValue> newImage) {
		StreamRecord.Builder stream = StreamRecord.builder()
			.keys(Map.of("hkey", AttributeValue.fromS(hashKey), "rkey", binary(sortKey)))
			.sequenceNumber("100")
			.approximateCreationDateTime(TIME);
		if (oldImage != null) {
			stream.oldImage(withHashKey(oldImage, hashKey));
		}
		if (newImage != null) {
			stream.newImage(withHashKey(newImage, hashKey));
		}
		return Record.builder().eventName(event).dynamodb(stream.build()).build();
	}

	private static Map<String, AttributeValue> withHashKey(Map<String, AttributeValue> image, String hashKey) {
		Map<String, AttributeValue> copy = new HashMap<>(image);
		copy.put("hkey", AttributeValue.fromS(hashKey));
		return copy;
	}

	private static Map<String, AttributeValue> image(String key, String value) {
		Map<String, AttributeValue> image = new HashMap<>();
		image.put("rkey", binary(key(0x00, key)));
		image.put("value", binary(utf8(value)));
		return image;
	}

	private static Map<String, AttributeValue> chunkedImage(String key) {
		Map<String, AttributeValue> image = new HashMap<>();
		image.put("rkey", binary(key(0x00, key)));
		image.put("form", binary(new byte[] { (byte) 0x80 }));
		return image;
	}

	private static Map<String, AttributeValue> expiring(Map<String, AttributeValue> image, long epochSecond) {
		image.put("ttl", AttributeValue.fromN(Long.toString(epochSecond)));
		return image;
	}

	private static byte[] key(int format, String key) {
		byte[] bytes = utf8(key);
		byte[] sortKey = new byte[bytes.length + 1];
		sortKey[0] = (byte) format;
		System.arraycopy(bytes, 0, sortKey, 1, bytes.length);
		return sortKey;
	}

	private static AttributeValue binary(byte[] bytes) {
		return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
	}

	private static String text(byte[] key) {
		return new String(key, StandardCharsets.UTF_8);
	}

}
