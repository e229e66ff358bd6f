package io.dynamodown.cache;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JdkCacheValueSerializer}.
 */
class JdkCacheValueSerializerTests {

	private final JdkCacheValueSerializer serializer = new JdkCacheValueSerializer(getClass().getClassLoader());

	@Test
	void genericValuesComeBackWithTheirTypes() {
		Object value = List.of(new Point(1, 2), Map.of("k", new Point(3, 4)));
		assertThat(this.serializer.deserialize(this.serializer.serialize(value))).isEqualTo(value);
	}

	@Test
	void aValueThatIsNotSerializableIsRefusedNamingItsClass() {
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.serialize(new Object()))
			.withMessageContaining("java.lang.Object");
	}

	@Test
	void bytesThatAreNotASerializedValueAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.deserialize(new byte[] { 1, 2, 3 }))
			.withMessageContaining("3 bytes");
	}

	record Point(int x, int y) implements java.io.Serializable {
	}

}
