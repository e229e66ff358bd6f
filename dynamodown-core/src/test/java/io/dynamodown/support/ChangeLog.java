package io.dynamodown.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.dynamodown.Change;

/**
 * A handler that keeps every change it receives, for tests to wait on with a deadline.
 */
public final class ChangeLog implements Consumer<Change> {

	/** How long a test waits for changes before it fails. */
	public static final Duration DEADLINE = Duration.ofSeconds(30);

	private final List<Change> changes = new ArrayList<>();

	@Override
	public synchronized void accept(Change change) {
		this.changes.add(change);
		notifyAll();
	}

	/**
	 * The changes received so far.
	 * @return a copy
	 */
	public synchronized List<Change> changes() {
		return List.copyOf(this.changes);
	}

	/**
	 * Waits until at least {@code count} changes arrived, or the deadline passed.
	 * @param count the changes to wait for
	 * @return the changes received
	 */
	public List<Change> await(int count) {
		return awaitUntil((changes) -> changes.size() >= count);
	}

	/**
	 * Waits until the changes received satisfy a condition, or the deadline passed.
	 * @param done the condition
	 * @return the changes received
	 */
	public synchronized List<Change> awaitUntil(Predicate<List<Change>> done) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		try {
			while (!done.test(this.changes) && System.nanoTime() < deadline) {
				TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return List.copyOf(this.changes);
	}

	/**
	 * A change as text: kind, key and value in UTF-8, for assertions.
	 * @param change the change
	 * @return {@code PUT a=1}, {@code DELETE a}, …
	 */
	public static String text(Change change) {
		String key = new String(change.key(), StandardCharsets.UTF_8);
		return change.kind() + " " + key
				+ change.value().map((value) -> "=" + new String(value, StandardCharsets.UTF_8)).orElse("");
	}

}
