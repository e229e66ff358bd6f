package io.dynamodown.internal.value;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How values are stored, without a server: compressed when that saves enough, as they are
 * otherwise, and always read back exactly.
 */
class ValueEncoderTests {

	private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

	private static final String ENTRY = "{\"name\":\"spring.datasource.url\",\"type\":\"java.lang.String\","
			+ "\"description\":\"JDBC URL of the database.\",\"sourceType\":\"org.springframework.boot.jdbc."
			+ "autoconfigure.DataSourceProperties\"}";

	private final ValueEncoder deflate = new ValueEncoder(Codecs.DEFLATE, 6, 16 * 1024 * 1024);

	@Test
	void jsonIsStoredCompressedAndReadBackExactly() {
		byte[] json = ENTRY.getBytes(StandardCharsets.UTF_8);
		StoredValue stored = this.deflate.encode(json);
		assertThat(stored.codec()).isEqualTo(Codecs.DEFLATE);
		assertThat(stored.bytes().length).isLessThan(json.length);
		assertThat(Codecs.decode(KEY, "value", stored.bytes(), stored.codec(), 1 << 24)).isEqualTo(json);
	}

	@Test
	void shortValuesAreStoredAsTheyAre() {
		byte[] value = "a".repeat(63).getBytes(StandardCharsets.UTF_8);
		assertThat(this.deflate.encode(value)).isEqualTo(StoredValue.plain(value));
		assertThat(this.deflate.encode(value).bytes()).isSameAs(value);
	}

	@Test
	void incompressibleValuesAreStoredAsTheyAreWithoutOverhead() {
		for (int length : new int[] { 64, 1024, 8 * 1024 - 1, 8 * 1024, 1024 * 1024 }) {
			byte[] value = random(length);
			StoredValue stored = this.deflate.encode(value);
			assertThat(stored.compressed()).as("%d random bytes", length).isFalse();
			assertThat(stored.bytes()).isSameAs(value);
		}
	}

	@Test
	void randomBytesAreToldFromTextByTheirFirstBytesAlone() {
		for (int length : new int[] { 64, 100, 256, 4096 }) {
			assertThat(ValueEncoder.looksIncompressible(random(length))).as("%d random bytes", length).isTrue();
		}
		assertThat(ValueEncoder.looksIncompressible(ENTRY.getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(ValueEncoder.looksIncompressible(ENTRY.substring(0, 64).getBytes(StandardCharsets.UTF_8))).isFalse();
		byte[] base64 = java.util.Base64.getEncoder().encode(random(3000));
		assertThat(ValueEncoder.looksIncompressible(base64)).as("64 symbols: deflate still saves a quarter").isFalse();
		assertThat(this.deflate.encode(base64).compressed()).isTrue();
		byte[] structured = new byte[4096];
		for (int i = 0; i < structured.length; i++) {
			structured[i] = (byte) (i % 7 * 31);
		}
		assertThat(ValueEncoder.looksIncompressible(structured)).isFalse();
	}

	@Test
	void aLargeValueIsJudgedByCompressingItsStartFirst() {
		byte[] textThenRandom = random(64 * 1024);
		byte[] text = ENTRY.repeat(2).getBytes(StandardCharsets.UTF_8);
		System.arraycopy(text, 0, textThenRandom, 0, ValueEncoder.SAMPLE_BYTES);
		assertThat(ValueEncoder.looksIncompressible(textThenRandom)).isFalse();
		assertThat(this.deflate.encode(textThenRandom).compressed()).as("the probe saves too little").isFalse();
		byte[] zerosThenRandom = new byte[64 * 1024];
		System.arraycopy(random(32 * 1024), 0, zerosThenRandom, 32 * 1024, 32 * 1024);
		assertThat(this.deflate.encode(zerosThenRandom).compressed()).isTrue();
	}

	@Test
	void noCompressionStoresEveryValueAsItIs() {
		ValueEncoder none = new ValueEncoder(Codecs.NONE, 0, 1024);
		byte[] json = ENTRY.repeat(3).getBytes(StandardCharsets.UTF_8);
		assertThat(none.encode(json)).isEqualTo(StoredValue.plain(json));
	}

	@Test
	void theLargestValueCountsBytesBeforeAndAfterCompressionAndNamesTheLimit() {
		ValueEncoder small = new ValueEncoder(Codecs.DEFLATE, 1, 1000);
		byte[] json = ENTRY.repeat(20).getBytes(StandardCharsets.UTF_8);
		assertThat(json.length).isGreaterThan(1000);
		assertThat(small.encode(json).bytes().length).isLessThan(1000);
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> small.checked(KEY, json))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_VALUE))
			.withMessageContaining("before and after compression")
			.withMessageContaining(json.length + " bytes");
		byte[] fits = ENTRY.repeat(4).getBytes(StandardCharsets.UTF_8);
		StoredValue stored = small.checked(KEY, fits);
		assertThat(Codecs.decode(KEY, "value", stored.bytes(), stored.codec(), 1000)).isEqualTo(fits);
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> small.checked(KEY, random(1001)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_VALUE))
			.withMessageContaining("maxValueSize")
			.withMessageContaining("1001");
	}

	@Test
	void aPlainValueIsCopiedSoTheCallerCannotChangeItAfterwards() {
		byte[] value = random(100);
		StoredValue stored = this.deflate.checked(KEY, value);
		value[0]++;
		assertThat(stored.bytes()[0]).isNotEqualTo(value[0]);
	}

	@Test
	void unknownCodecsAndDamagedStreamsAreReportedNotMisread() {
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Codecs.decode(KEY, "value", new byte[] { 1 }, (byte) 9, 100))
			.withMessageContaining("unknown codec 9");
		StoredValue stored = this.deflate.encode(ENTRY.repeat(4).getBytes(StandardCharsets.UTF_8));
		byte[] cut = java.util.Arrays.copyOf(stored.bytes(), stored.bytes().length / 2);
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> Codecs.decode(KEY, "value", cut, Codecs.DEFLATE, 1 << 20))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.CORRUPT_ITEM))
			.withMessageContaining("ends early");
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

}
