package io.dynamodown.internal.value;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool reuses idle streams, resets each before reuse, and ends those it cannot keep.
 */
class ZlibPoolTests {

	private final AtomicInteger created = new AtomicInteger();

	private final AtomicInteger resets = new AtomicInteger();

	private final List<Integer> ended = new ArrayList<>();

	private final ZlibPool<Integer> pool = new ZlibPool<>(this.created::incrementAndGet,
			(stream) -> this.resets.incrementAndGet(), this.ended::add);

	@Test
	void sequentialUseReusesOneStream() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.pool.<Integer>with((stream) -> stream)).isEqualTo(1);
		}
		assertThat(this.created).hasValue(1);
		assertThat(this.resets).hasValue(4);
		assertThat(this.ended).isEmpty();
	}

	@Test
	void streamsBeyondThePoolSizeAreEndedWhenReturned() {
		int nested = ZlibPool.SIZE + 2;
		nest(nested);
		assertThat(this.created).hasValue(nested);
		assertThat(this.ended).hasSize(2);
		assertThat(this.pool.<Integer>with((stream) -> stream)).as("an idle one is reused").isLessThanOrEqualTo(nested);
		assertThat(this.created).hasValue(nested);
	}

	private void nest(int depth) {
		if (depth > 0) {
			this.pool.<Integer>with((stream) -> {
				nest(depth - 1);
				return stream;
			});
		}
	}

}
