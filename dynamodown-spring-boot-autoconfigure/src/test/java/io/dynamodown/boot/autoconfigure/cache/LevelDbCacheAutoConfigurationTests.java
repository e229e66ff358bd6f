package io.dynamodown.boot.autoconfigure.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.LevelDbException;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.cache.JdkCacheValueSerializer;
import io.dynamodown.boot.cache.JsonCacheValueSerializer;
import io.dynamodown.boot.cache.LevelDbCache;
import io.dynamodown.boot.cache.LevelDbCacheManager;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import io.dynamodown.embedded.junit.EmbeddedDynamoDbTest;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LevelDbCacheAutoConfiguration} and Spring's cache annotations on
 * {@link LevelDbCache}, against the embedded server.
 */
@EmbeddedDynamoDbTest
class LevelDbCacheAutoConfigurationTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private final ApplicationContextRunner contextRunner;

	LevelDbCacheAutoConfigurationTests(EmbeddedDynamoDb server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LevelDbAutoConfiguration.class,
					LevelDbCacheAutoConfiguration.class, CacheAutoConfiguration.class))
			.withPropertyValues("dynamodown.table=cache-" + tables.incrementAndGet(), "dynamodown.region=us-east-1",
					"dynamodown.endpoint=" + server.endpoint(), "dynamodown.credentials.access-key-id=local",
					"dynamodown.credentials.secret-access-key=local");
	}

	private ApplicationContextRunner enabled() {
		return this.contextRunner.withPropertyValues("dynamodown.cache.enabled=true")
			.withUserConfiguration(CachingConfiguration.class);
	}

	@Test
	void noCacheManagerUnlessEnabled() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LevelDb.class)
			.doesNotHaveBean(LevelDbCacheManager.class));
	}

	@Test
	void anApplicationCacheManagerIsNotTakenOver() {
		enabled().withBean(ConcurrentMapCacheManager.class).run((context) -> {
			assertThat(context).hasSingleBean(CacheManager.class).doesNotHaveBean(LevelDbCacheManager.class);
			assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
		});
	}

	@Test
	void withoutSpringCachingClassesThereIsNoCacheManager() {
		this.contextRunner.withPropertyValues("dynamodown.cache.enabled=true")
			.withConfiguration(AutoConfigurations.of(LevelDbCacheAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(CacheManager.class))
			.run((context) -> assertThat(context).hasSingleBean(LevelDb.class)
				.doesNotHaveBean(LevelDbCacheManager.class));
	}

	@Test
	void cacheableComputesOnceAndCacheEvictForgets() {
		enabled().run((context) -> {
			Squares squares = context.getBean(Squares.class);
			assertThat(squares.square(7)).isEqualTo(49L);
			assertThat(squares.square(7)).isEqualTo(49L);
			assertThat(squares.calls()).isEqualTo(1);
			squares.forget(7);
			assertThat(squares.square(7)).isEqualTo(49L);
			assertThat(squares.calls()).isEqualTo(2);
		});
	}

	@Test
	void anEntryThatCannotBeReadBackIsAMissEvictedAndCounted() {
		enabled().run((context) -> {
			LevelDb entries = context.getBean(LevelDb.class).sublevel("cache").sublevel("squares");
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
			entries.put(key("2"), entry(serialize(new ConcurrentHashMap<>(Map.of("k", "v")))));
			entries.put(key("3"), entry(serialize(root)));
			entries.put(key("4"),
					entry(HexFormat.of().parseHex("aced0005757200025b42acf317f8060854e002000078707fffffff")));
			entries.put(key("5"), entry(HexFormat.of().parseHex("aced0005")));
			Squares squares = context.getBean(Squares.class);
			for (int n = 2; n <= 5; n++) {
				assertThat(squares.square(n)).isEqualTo((long) n * n);
			}
			assertThat(squares.calls()).isEqualTo(4);
			for (int n = 2; n <= 5; n++) {
				assertThat(squares.square(n)).as("cached again").isEqualTo((long) n * n);
			}
			assertThat(squares.calls()).isEqualTo(4);
			LevelDbCache cache = (LevelDbCache) context.getBean(CacheManager.class).getCache("squares");
			assertThat(cache.getUnreadableCount()).isEqualTo(4);
			assertThat(cache.getMissCount()).isEqualTo(4);
		});
	}

	@Test
	void putIfAbsentOverAnEntryThatCannotBeReadBackWritesTheValue() {
		enabled().run((context) -> {
			LevelDb entries = context.getBean(LevelDb.class).sublevel("cache").sublevel("squares");
			entries.put(key("7"), entry(HexFormat.of().parseHex("aced0005")));
			LevelDbCache cache = (LevelDbCache) context.getBean(CacheManager.class).getCache("squares");
			assertThat(cache.putIfAbsent(7, 49L)).isNull();
			assertThat(cache.getUnreadableCount()).isEqualTo(1);
			assertThat(cache.get(7, Long.class)).isEqualTo(49L);
			assertThat(cache.putIfAbsent(7, 50L).get()).isEqualTo(49L);
		});
	}

	@Test
	void theJsonFormatCachesThroughJacksonUnderTheSameAllowList() {
		enabled().withPropertyValues("dynamodown.cache.serialization.format=json").run((context) -> {
			assertThat(context).hasSingleBean(JsonCacheValueSerializer.class)
				.doesNotHaveBean(JdkCacheValueSerializer.class);
			Squares squares = context.getBean(Squares.class);
			assertThat(squares.square(6)).isEqualTo(36L);
			assertThat(squares.square(6)).isEqualTo(36L);
			assertThat(squares.calls()).isEqualTo(1);
		});
	}

	@Test
	void aSerializationLimitOutOfRangeIsReportedWithItsProperty() {
		enabled().withPropertyValues("dynamodown.cache.serialization.max-depth=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dynamodown.cache.serialization.max-depth"));
	}

	private static byte[] key(String key) {
		return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static byte[] entry(byte[] serialized) {
		byte[] entry = new byte[serialized.length + 1];
		entry[0] = 1;
		System.arraycopy(serialized, 0, entry, 1, serialized.length);
		return entry;
	}

	private static byte[] serialize(Object value) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	@Test
	void cachePutReplacesTheCachedValue() {
		enabled().run((context) -> {
			Squares squares = context.getBean(Squares.class);
			squares.square(3);
			squares.overwrite(3, 10L);
			assertThat(squares.square(3)).isEqualTo(10L);
			assertThat(squares.calls()).isEqualTo(1);
		});
	}

	@Test
	void synchronizedCacheableLoadsOnceThroughAConditionalPut() {
		enabled().run((context) -> {
			Squares squares = context.getBean(Squares.class);
			assertThat(squares.squareSync(4)).isEqualTo(16L);
			assertThat(squares.squareSync(4)).isEqualTo(16L);
			assertThat(squares.calls()).isEqualTo(1);
			assertThat(context.getBean(Requests.class).operations).endsWith("GetItem", "TransactWriteItems", "GetItem");
		});
	}

	@Test
	void asyncCacheableCachesTheFuturesValue() {
		enabled().run((context) -> {
			Squares squares = context.getBean(Squares.class);
			assertThat(squares.squareLater(5).join()).isEqualTo(25L);
			assertThat(squares.squareLater(5).join()).isEqualTo(25L);
			assertThat(squares.calls()).isEqualTo(1);
			assertThat(context.getBean(CacheManager.class).getCache("later").get(5).get()).isEqualTo(25L);
		});
	}

	@Test
	void nullResultsAreCachedAsAMarker() {
		enabled().run((context) -> {
			Squares squares = context.getBean(Squares.class);
			assertThat(squares.nothing(1)).isNull();
			assertThat(squares.nothing(1)).isNull();
			assertThat(squares.calls()).isEqualTo(1);
			Cache.ValueWrapper cached = context.getBean(CacheManager.class).getCache("nothing").get(1);
			assertThat(cached).isNotNull();
			assertThat(cached.get()).isNull();
		});
	}

	@Test
	void withoutNullValuesANullIsRefusedAsSpringDefines() {
		enabled().withPropertyValues("dynamodown.cache.allow-null-values=false").run((context) -> {
			LevelDbCache cache = (LevelDbCache) context.getBean(CacheManager.class).getCache("direct");
			assertThat(cache.isAllowNullValues()).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> cache.put("k", null))
				.withMessageContaining("null values");
			assertThat(cache.get("k")).isNull();
		});
	}

	@Test
	void perCacheTimeToLiveExpiresByTheStoresClock() {
		enabled()
			.withPropertyValues("dynamodown.cache.time-to-live=1h", "dynamodown.cache.caches.squares.time-to-live=10s")
			.run((context) -> {
				Squares squares = context.getBean(Squares.class);
				MutableClock clock = context.getBean(MutableClock.class);
				squares.square(2);
				clock.advance(Duration.ofSeconds(9));
				squares.square(2);
				assertThat(squares.calls()).isEqualTo(1);
				clock.advance(Duration.ofSeconds(1));
				squares.square(2);
				assertThat(squares.calls()).isEqualTo(2);
				LevelDbCacheManager manager = context.getBean(LevelDbCacheManager.class);
				assertThat(((LevelDbCache) manager.getCache("squares")).getTimeToLive()).hasSeconds(10);
				assertThat(((LevelDbCache) manager.getCache("other")).getTimeToLive()).hasHours(1);
			});
	}

	@Test
	void putIfAbsentIsOneConditionalRequestAndReturnsTheValueThere() {
		enabled().run((context) -> {
			Cache cache = context.getBean(CacheManager.class).getCache("direct");
			Requests requests = context.getBean(Requests.class);
			requests.operations.clear();
			assertThat(cache.putIfAbsent("k", "first")).isNull();
			Cache.ValueWrapper existing = cache.putIfAbsent("k", "second");
			assertThat(existing).isNotNull();
			assertThat(existing.get()).isEqualTo("first");
			assertThat(requests.operations).containsExactly("TransactWriteItems", "TransactWriteItems");
		});
	}

	@Test
	void evictIfPresentAndInvalidateFollowSpringsContract() {
		enabled().run((context) -> {
			CacheManager manager = context.getBean(CacheManager.class);
			Cache cache = manager.getCache("direct");
			Cache other = manager.getCache("other");
			cache.put("a", 1);
			cache.put("b", 2);
			other.put("a", 3);
			assertThat(cache.evictIfPresent("a")).isTrue();
			assertThat(cache.evictIfPresent("a")).isFalse();
			cache.invalidate();
			assertThat(cache.get("b")).isNull();
			assertThat(other.get("a", Integer.class)).isEqualTo(3);
		});
	}

	@Test
	void cachesLiveInSublevelsOfTheKeyPrefix() {
		enabled().withPropertyValues("dynamodown.cache.key-prefix=memo").run((context) -> {
			context.getBean(CacheManager.class).getCache("books").put("k", "v");
			LevelDb store = context.getBean(LevelDb.class);
			assertThat(store.sublevel("memo").sublevel("books").get("k".getBytes())).isPresent();
		});
	}

	@Test
	void cacheNamesFixTheSetOfCaches() {
		enabled().withPropertyValues("dynamodown.cache.cache-names=a,b").run((context) -> {
			CacheManager manager = context.getBean(CacheManager.class);
			assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("a", "b");
			assertThat(manager.getCache("c")).isNull();
		});
	}

	@Test
	void aKeyTooLongForTheStoreIsRefusedNamingTheLimit() {
		enabled().run((context) -> {
			Cache cache = context.getBean(CacheManager.class).getCache("direct");
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> cache.put("k".repeat(1024), "v"))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_KEY))
				.withMessageContaining("1023");
		});
	}

	@Test
	void aTimeToLiveThatIsNotPositiveFailsStartup() {
		enabled().withPropertyValues("dynamodown.cache.caches.squares.time-to-live=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dynamodown.cache.caches.squares.time-to-live"));
	}

	@Test
	void cacheMetricsCountHitsMissesPutsAndEvictions() {
		enabled()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, CacheMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("dynamodown.cache.cache-names=squares,later,nothing")
			.run((context) -> {
				Squares squares = context.getBean(Squares.class);
				squares.square(6);
				squares.square(6);
				squares.forget(6);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(
						registry.get("cache.gets").tags("cache", "squares", "result", "hit").functionCounter().count())
					.isEqualTo(1);
				assertThat(
						registry.get("cache.gets").tags("cache", "squares", "result", "miss").functionCounter().count())
					.isEqualTo(1);
				assertThat(registry.get("cache.puts").tags("cache", "squares").functionCounter().count()).isEqualTo(1);
				assertThat(registry.get("cache.evictions").tags("cache", "squares").functionCounter().count())
					.isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

		@Bean
		Squares squares() {
			return new Squares();
		}

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		}

		@Bean
		Requests requests() {
			return new Requests();
		}

	}

	static class Squares {

		private final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		@Cacheable("squares")
		public long square(int n) {
			this.calls.incrementAndGet();
			return (long) n * n;
		}

		@CachePut(cacheNames = "squares", key = "#n")
		public long overwrite(int n, long value) {
			return value;
		}

		@CacheEvict("squares")
		public void forget(int n) {
		}

		@Cacheable(cacheNames = "squares", sync = true)
		public long squareSync(int n) {
			this.calls.incrementAndGet();
			return (long) n * n;
		}

		@Cacheable("later")
		public CompletableFuture<Long> squareLater(int n) {
			this.calls.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> (long) n * n);
		}

		@Cacheable("nothing")
		public @Nullable String nothing(int n) {
			this.calls.incrementAndGet();
			return null;
		}

	}

	static class Requests implements RequestListener {

		final List<String> operations = new CopyOnWriteArrayList<>();

		@Override
		public void onRequest(RequestEvent event) {
			this.operations.add(event.operation());
		}

	}

}
