package io.dynamodown.internal.value;

import java.nio.charset.StandardCharsets;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The form attribute says how to read an item; an item without one holds its value as it
 * is.
 */
class StoredFormsTests {

	private static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);

	private static final long MAX = 16L * 1024 * 1024;

	@Test
	void anItemWithoutAFormHoldsItsValueAsItIs() {
		byte[] value = { 1, 2, 3 };
		assertThat(StoredForms.read(KEY, AttributeNames.DEFAULT, value, null, MAX))
			.isEqualTo(new StoredForms.Stored.Inline(StoredValue.plain(value)));
		assertThat(StoredForms.inline(Codecs.NONE)).isNull();
	}

	@Test
	void aCodecByteNamesTheCodecOfAnInlineValue() {
		byte[] form = StoredForms.inline(Codecs.DEFLATE);
		assertThat(form).containsExactly(Codecs.DEFLATE);
		StoredForms.Stored stored = StoredForms.read(KEY, AttributeNames.DEFAULT, new byte[] { 9 }, form, MAX);
		assertThat(stored).isInstanceOfSatisfying(StoredForms.Stored.Inline.class,
				(inline) -> assertThat(inline.value().codec()).isEqualTo(Codecs.DEFLATE));
	}

	@Test
	void aManifestRoundTrips() {
		Manifest manifest = new Manifest(Manifest.newGeneration(1_700_000_000_000L), 26, 10_485_760L, Codecs.NONE,
				Manifest.crcOf(new byte[] { 1, 2 }));
		byte[] form = manifest.encode();
		assertThat(form).hasSize(Manifest.ENCODED_BYTES);
		assertThat(StoredForms.read(KEY, AttributeNames.DEFAULT, null, form, MAX))
			.isEqualTo(new StoredForms.Stored.Chunked(manifest));
		assertThat(Manifest.epochMillisOf(manifest.generation())).isEqualTo(1_700_000_000_000L);
		assertThat(Manifest.newGeneration(1L)).as("fresh every time").isNotEqualTo(Manifest.newGeneration(1L));
	}

	@Test
	void aFormOfANewerVersionIsReportedNotMisread() {
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> StoredForms.read(KEY, AttributeNames.DEFAULT, new byte[] { 1 }, new byte[] { 0x7F }, MAX))
			.withMessageContaining("newer version");
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(
				() -> StoredForms.read(KEY, AttributeNames.DEFAULT, null, new byte[] { StoredForms.MANIFEST, 1 }, MAX))
			.withMessageContaining("manifest of 2 bytes")
			.withMessageContaining("6b6579");
	}

	@Test
	void anInlineItemWithoutAValueIsCorruptNotEmpty() {
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> StoredForms.read(KEY, AttributeNames.DEFAULT, null, null, MAX))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CORRUPT_ITEM))
			.withMessageContaining("'value' is missing");
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> StoredForms.read(KEY, AttributeNames.DEFAULT, new byte[1], new byte[0], MAX))
			.withMessageContaining("'form' holds 0 bytes");
	}

}
