package io.dynamodown.boot.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JdkCacheValueSerializer}: values come back with their types, and a
 * stored entry made of classes the policy does not allow, or past its limits, is refused
 * before it is built.
 */
class JdkCacheValueSerializerTests {

	private final JdkCacheValueSerializer serializer = new JdkCacheValueSerializer(getClass().getClassLoader(),
			CacheSerializationPolicy.allowing(List.of("io.dynamodown.boot.cache")));

	@Test
	void genericValuesComeBackWithTheirTypes() {
		Object value = List.of(new Point(1, 2), Map.of("k", new Point(3, 4)), java.time.LocalDate.of(2026, 12, 6),
				new java.math.BigDecimal("1.50"), java.util.UUID.randomUUID(), new HashMap<>(Map.of("a", 1L)));
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
		assertThatIllegalStateException()
			.isThrownBy(() -> this.serializer.deserialize(HexFormat.of().parseHex("aced0005")))
			.withMessageContaining("4 bytes");
	}

	@Test
	void aClassOutsideTheAllowListIsNotBuilt() {
		byte[] stored = serialize(new ConcurrentHashMap<>(Map.of("k", "v")));
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.deserialize(stored))
			.withMessageContaining("class java.util.concurrent.ConcurrentHashMap is not allowed");
		JdkCacheValueSerializer noCollections = new JdkCacheValueSerializer(getClass().getClassLoader(),
				new CacheSerializationPolicy(List.of("io.dynamodown.boot.cache"), List.of(), false, 32, 10_000, 100_000,
						1 << 20));
		assertThatIllegalStateException()
			.isThrownBy(() -> noCollections.deserialize(serialize(new HashMap<>(Map.of("k", "v")))))
			.withMessageContaining("class java.util.HashMap is not allowed");
		assertThat(noCollections.deserialize(serialize(new Point(1, 2)))).isEqualTo(new Point(1, 2));
	}

	@Test
	void nestedSetsThatWouldTakeExponentialTimeAreRefusedByDepth() {
		Set<Object> root = new HashSet<>();
		Set<Object> s1 = root;
		Set<Object> s2 = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			Set<Object> t1 = new HashSet<>();
			Set<Object> t2 = new HashSet<>();
			t1.add("foo");
			s1.add(t1);
			s1.add(t2);
			s2.add(t1);
			s2.add(t2);
			s1 = t1;
			s2 = t2;
		}
		byte[] stored = serialize(root);
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.deserialize(stored))
			.withMessageContaining("nesting deeper than 32");
	}

	@Test
	void anArrayOfTwoGigabytesIsRefusedBeforeItIsAllocated() {
		byte[] stored = HexFormat.of().parseHex("aced0005757200025b42acf317f8060854e00200007870" + "7fffffff");
		assertThat(stored).hasSize(27);
		assertThatIllegalStateException().isThrownBy(() -> this.serializer.deserialize(stored))
			.withMessageContaining("an array of 2147483647 elements");
	}

	@Test
	void anEntryLargerThanTheLimitIsRefusedUnread() {
		JdkCacheValueSerializer small = new JdkCacheValueSerializer(getClass().getClassLoader(),
				new CacheSerializationPolicy(List.of(), List.of(), true, 32, 10_000, 100_000, 100));
		assertThatIllegalStateException().isThrownBy(() -> small.deserialize(serialize("x".repeat(200))))
			.withMessageContaining("more than 100 bytes");
	}

	private static byte[] serialize(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	record Point(int x, int y) implements Serializable {
	}

}
