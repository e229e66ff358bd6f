package io.dynamodown.internal.key;

import io.dynamodown.support.Bytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsigned byte order and key arithmetic.
 */
class ByteKeysTests {

	@Test
	void comparesUnsigned() {
		assertThat(ByteKeys.compare(Bytes.of(0x7f), Bytes.of(0x80))).isNegative();
		assertThat(ByteKeys.compare(Bytes.of(0xff), Bytes.of(0x00, 0x00))).isPositive();
		assertThat(ByteKeys.compare(new byte[0], Bytes.of(0x00))).isNegative();
		assertThat(ByteKeys.compare(Bytes.of(0x61), Bytes.of(0x61, 0x00))).isNegative();
	}

	@Test
	void prefixEndIncrementsTheLastByteThatIsNotFf() {
		assertThat(ByteKeys.prefixEnd(Bytes.of('a', 0xff))).isEqualTo(Bytes.of('b'));
		assertThat(ByteKeys.prefixEnd(Bytes.of(0xff, 0xff))).isNull();
		assertThat(ByteKeys.prefixEnd(new byte[0])).isNull();
	}

	@Test
	void successorAppendsZeroUnlessAtMaximumLength() {
		assertThat(ByteKeys.successor(Bytes.of('a'), 3)).isEqualTo(Bytes.of('a', 0x00));
		assertThat(ByteKeys.successor(Bytes.of('a', 'b', 'c'), 3)).isEqualTo(Bytes.of('a', 'b', 'd'));
		assertThat(ByteKeys.successor(Bytes.of(0xff, 0xff, 0xff), 3)).isNull();
	}

	@Test
	void predecessorIsTheGreatestSmallerKeyOfBoundedLength() {
		assertThat(ByteKeys.predecessor(Bytes.of('a', 0x00), 3)).isEqualTo(Bytes.of('a'));
		assertThat(ByteKeys.predecessor(Bytes.of('b'), 3)).isEqualTo(Bytes.of('a', 0xff, 0xff));
		assertThat(ByteKeys.predecessor(new byte[0], 3)).isNull();
	}

	@Test
	void hexShortensLongKeys() {
		assertThat(ByteKeys.hex(Bytes.of(0x00, 0xff))).isEqualTo("00ff");
		assertThat(ByteKeys.hex(new byte[100])).endsWith("(100 bytes)");
	}

}
