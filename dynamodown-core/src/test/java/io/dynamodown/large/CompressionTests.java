package io.dynamodown.large;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.dynamodown.Compression;
import io.dynamodown.Entry;
import io.dynamodown.LevelDb;
import io.dynamodown.Range;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RawItems;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values are stored compressed when that saves enough, and as they are otherwise; every
 * item says how it was stored, so items written with compression on, off, or by the raw
 * SDK (as earlier versions wrote them) read back right side by side.
 */
class CompressionTests {

	private static final String ENTRY = "{\"name\":\"spring.datasource.url\",\"type\":\"java.lang.String\","
			+ "\"description\":\"JDBC URL of the database.\",\"sourceType\":\"org.springframework.boot.jdbc."
			+ "autoconfigure.DataSourceProperties\"}";

	private final RecordingListener listener = new RecordingListener();

	private LevelDb db;

	private LevelDb plain;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).open();
		this.plain = LevelDb.builder(LocalDynamo.client())
			.table(this.db.table())
			.compression(Compression.none())
			.listener(this.listener)
			.open();
		this.listener.reset();
	}

	@AfterEach
	void close() {
		this.plain.close();
		this.db.close();
	}

	@Test
	void compressibleValuesAreStoredCompressedAndMarked() {
		byte[] json = ENTRY.repeat(10).getBytes(StandardCharsets.UTF_8);
		this.db.put(utf8("doc"), json);
		Map<String, AttributeValue> item = RawItems.item(this.db, utf8("doc")).orElseThrow();
		assertThat(item.get("form").b().asByteArray()).containsExactly(1);
		assertThat(item.get("value").b().asByteArray().length).isLessThan(json.length / 4);
		assertThat(this.db.get(utf8("doc"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(json));
	}

	@Test
	void incompressibleValuesAreStoredAsTheyAreAndReadableByTheRawSdk() {
		byte[] random = new byte[4000];
		new Random(1).nextBytes(random);
		this.db.put(utf8("r"), random);
		Map<String, AttributeValue> item = RawItems.item(this.db, utf8("r")).orElseThrow();
		assertThat(item).doesNotContainKey("form");
		assertThat(item.get("value").b().asByteArray()).isEqualTo(random);
	}

	@Test
	void aValueThatCompressesIntoOneItemNeedsNoChunks() {
		byte[] json = ENTRY.repeat(4000).getBytes(StandardCharsets.UTF_8);
		assertThat(json.length).isGreaterThan(600_000);
		this.db.put(utf8("doc"), json);
		assertThat(this.listener.count("PutItem")).isEqualTo(1);
		assertThat(this.listener.total()).as("the item-size check counts what is sent").isEqualTo(1);
		assertThat(RawItems.chunkCount(this.db)).isZero();
		assertThat(this.db.get(utf8("doc"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(json));
	}

	@Test
	void itemsOfEveryStoredFormReadBackSideBySide() {
		byte[] json = ENTRY.getBytes(StandardCharsets.UTF_8);
		byte[] large = new byte[900_000];
		new Random(2).nextBytes(large);
		RawItems.putPlain(this.db, utf8("a-legacy"), json);
		this.plain.put(utf8("b-uncompressed"), json);
		this.db.put(utf8("c-compressed"), json);
		this.db.put(utf8("d-chunked"), large);
		this.plain.put(utf8("e-chunked-uncompressed"), ENTRY.repeat(5000).getBytes(StandardCharsets.UTF_8));
		for (LevelDb store : List.of(this.db, this.plain)) {
			List<Entry> entries = store.iterator(Range.all()).all();
			assertThat(entries).extracting((entry) -> new String(entry.key(), StandardCharsets.UTF_8))
				.containsExactly("a-legacy", "b-uncompressed", "c-compressed", "d-chunked", "e-chunked-uncompressed");
			assertThat(entries.get(0).value()).isEqualTo(json);
			assertThat(entries.get(1).value()).isEqualTo(json);
			assertThat(entries.get(2).value()).isEqualTo(json);
			assertThat(entries.get(3).value()).isEqualTo(large);
			assertThat(store.getMany(List.of(utf8("a-legacy"), utf8("c-compressed"))))
				.allSatisfy((v) -> assertThat(v).hasValueSatisfying((value) -> assertThat(value).isEqualTo(json)));
			assertThat(store.get(utf8("e-chunked-uncompressed"))).map((v) -> v.length).hasValue(ENTRY.length() * 5000);
		}
	}

	@Test
	void aConditionMatchesTheValueWhateverFormItWasStoredIn() {
		byte[] json = ENTRY.getBytes(StandardCharsets.UTF_8);
		RawItems.putPlain(this.db, utf8("legacy"), json);
		this.listener.reset();
		assertThat(this.db.replace(utf8("legacy"), json, utf8("new"))).isTrue();
		assertThat(this.listener.count("TransactWriteItems"))
			.as("sent as this store's form, then again on the form found")
			.isEqualTo(2);
		this.db.put(utf8("same"), json);
		this.listener.reset();
		assertThat(this.db.replace(utf8("same"), json, utf8("new"))).isTrue();
		assertThat(this.listener.total()).as("written by this store: one request").isEqualTo(1);
		this.plain.put(utf8("other"), json);
		assertThat(this.db.delete(utf8("other"), ENTRY.replace("url", "URL").getBytes(StandardCharsets.UTF_8)))
			.isFalse();
		assertThat(this.db.delete(utf8("other"), json)).isTrue();
		assertThat(this.db.putIfAbsent(utf8("c"), json)).isEmpty();
		Optional<byte[]> current = this.plain.putIfAbsent(utf8("c"), utf8("x"));
		assertThat(current).hasValueSatisfying((v) -> assertThat(v).isEqualTo(json));
	}

	@Test
	void approximateSizeCountsStoredBytes() {
		byte[] json = ENTRY.repeat(2000).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 4; i++) {
			this.db.put(utf8("k" + i), json);
		}
		long size = this.db.approximateSize(Range.all());
		assertThat(size).as("compressed, well below the %d bytes put", 4 * json.length).isLessThan(json.length);
	}

}
