package io.dynamodown.codec;

import io.dynamodown.LevelDbException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Codecs without a server.
 */
class CodecTests {

	record Point(int x, int y) {
	}

	@Test
	void utf8RoundTrips() {
		Codec<String> codec = Codec.utf8();
		assertThat(codec.decode(codec.encode("héllo 😀"))).isEqualTo("héllo 😀");
	}

	@Test
	void bytesAreCopied() {
		byte[] original = { 1, 2 };
		byte[] encoded = Codec.bytes().encode(original);
		encoded[0] = 9;
		assertThat(original[0]).isEqualTo((byte) 1);
	}

	@Test
	void jsonRoundTripsRecords() {
		Codec<Point> codec = Codec.json(Point.class);
		assertThat(new String(codec.encode(new Point(1, 2)))).isEqualTo("{\"x\":1,\"y\":2}");
		assertThat(codec.decode(codec.encode(new Point(3, 4)))).isEqualTo(new Point(3, 4));
	}

	@Test
	void badJsonIsAnInvalidValue() {
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> Codec.json(Point.class).decode("{nope".getBytes()))
			.withMessageContaining("Point");
	}

}
