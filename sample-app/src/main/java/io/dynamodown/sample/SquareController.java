package io.dynamodown.sample;

import io.dynamodown.sample.Squares.Square;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /slow-square/{n}}: a slow answer the first time, then the cached one.
 */
@RestController
public class SquareController {

	private final Squares squares;

	/**
	 * Creates the controller.
	 * @param squares the cached computation
	 */
	public SquareController(Squares squares) {
		this.squares = squares;
	}

	/**
	 * Squares a number through the cache.
	 * @param n the number
	 * @return the number and its square
	 */
	@GetMapping("/slow-square/{n}")
	public Square square(@PathVariable int n) {
		return this.squares.square(n);
	}

}
