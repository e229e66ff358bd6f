package io.dynamodown.boot.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JsonCacheValueSerializer}: values come back with their types, under
 * the same allow-list and limits as Java serialization.
 */
class JsonCacheValueSerializerTests {

	private final JsonCacheValueSerializer serializer = new JsonCacheValueSerializer(
			CacheSerializationPolicy.allowing(List.of("io.dynamodown.boot.cache")));

	@Test
	void valuesComeBackWithTheirTypes() {
		for (Object value : List.of(new Point(1, 2), 49L, "text", new ArrayList<>(List.of(new Point(3, 4), 5L)),
				new LinkedHashMap<>(Map.of("k", new Point(5, 6))), new java.math.BigDecimal("1.50"))) {
			assertThat(this.serializer.deserialize(this.serializer.serialize(value))).isEqualTo(value);
		}
	}

	@Test
	void aClassOutsideTheAllowListIsNotBuilt() {
		byte[] stored = "{\"@class\":\"java.util.concurrent.ConcurrentHashMap\",\"k\":\"v\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.deserialize(stored))
			.withMessageContaining("java.util.concurrent.ConcurrentHashMap");
	}

	@Test
	void nestingPastTheLimitIsRefused() {
		byte[] stored = ("[\"java.util.ArrayList\",[".repeat(40) + "]]".repeat(40)).getBytes(StandardCharsets.UTF_8);
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.deserialize(stored))
			.withMessageContaining("depth");
	}

	@Test
	void anEntryLargerThanTheLimitIsRefusedUnread() {
		JsonCacheValueSerializer small = new JsonCacheValueSerializer(
				new CacheSerializationPolicy(List.of(), List.of(), true, 32, 10_000, 100_000, 100));
		assertThatIllegalStateException().isThrownBy(() -> small.deserialize(small.serialize("x".repeat(200))))
			.withMessageContaining("more than 100 bytes");
	}

	record Point(int x, int y) {
	}

}
