package io.dynamodown.sample;

import java.io.Serializable;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * A slow computation whose results are cached in the store (cache {@code squares}).
 */
@Service
public class Squares {

	/** How long a computation takes: the cost a cache hit saves. */
	static final long COMPUTATION_MILLIS = 300;

	/**
	 * Squares a number, slowly; a cached result is answered from the store.
	 * @param n the number
	 * @return the number and its square
	 */
	@Cacheable("squares")
	public Square square(int n) {
		try {
			Thread.sleep(COMPUTATION_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new Square(n, (long) n * n);
	}

	/**
	 * A number and its square; serializable, as the cache's default serializer requires.
	 *
	 * @param n the number
	 * @param square its square
	 */
	public record Square(int n, long square) implements Serializable {
	}

}
