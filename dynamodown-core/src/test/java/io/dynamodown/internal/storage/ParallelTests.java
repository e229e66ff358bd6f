package io.dynamodown.internal.storage;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request-sized chunks run with bounded concurrency, without a server.
 */
class ParallelTests {

	@Test
	void chunksSplitIntoRequestSizes() {
		List<Integer> numbers = IntStream.range(0, 51).boxed().toList();
		assertThat(Parallel.chunks(numbers, 25)).extracting(List::size).containsExactly(25, 25, 1);
		assertThat(Parallel.chunks(List.of(), 25)).isEmpty();
	}

	@Test
	void everyChunkRunsOnceWithAtMostTheConcurrencyAtATime() {
		ExecutorService executor = Executors.newCachedThreadPool();
		try {
			List<Integer> numbers = IntStream.range(0, 100).boxed().toList();
			ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
			AtomicInteger running = new AtomicInteger();
			AtomicInteger most = new AtomicInteger();
			Parallel.forEachChunk(executor, 3, numbers, 10, (chunk) -> {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				chunk.forEach((n) -> seen.merge(n, 1, Integer::sum));
				running.decrementAndGet();
			});
			assertThat(seen).hasSize(100).allSatisfy((n, times) -> assertThat(times).isOne());
			assertThat(most.get()).isBetween(1, 3);
		}
		finally {
			executor.shutdown();
		}
	}

}
