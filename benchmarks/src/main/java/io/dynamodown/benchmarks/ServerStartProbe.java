package io.dynamodown.benchmarks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.dynamodown.embedded.EmbeddedDynamoDb;

/**
 * Measures one cold start of the embedded server, meant to run as the first thing in a
 * fresh JVM ({@link ColdStart} launches it): the wall time of
 * {@link EmbeddedDynamoDb#start()}, then the time until the first request is answered
 * ({@code client().listTables()}, building the SDK client included). Prints one line,
 * {@code server-start start-ns=N first-answer-ns=N}, as soon as the answer is in, then
 * closes the server and exits. Uses only the embedded server's public API and the AWS
 * SDK, so it measures whichever server {@code EmbeddedDynamoDb} runs.
 */
public final class ServerStartProbe {

	private ServerStartProbe() {
	}

	/**
	 * Starts the server, asks it for its tables, prints the reading, stops.
	 * @param args none
	 */
	public static void main(String[] args) {
		long before = System.nanoTime();
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start()) {
			long started = System.nanoTime();
			server.client().listTables();
			long answered = System.nanoTime();
			System.out.println(new Reading(started - before, answered - started).line());
			System.out.flush();
		}
		System.exit(0);
	}

	/**
	 * What one probe measured.
	 *
	 * @param startNanos the wall time of {@code EmbeddedDynamoDb.start()}
	 * @param firstAnswerNanos the time from {@code start()}'s return to the first answer
	 * (building the client and one {@code ListTables})
	 */
	record Reading(long startNanos, long firstAnswerNanos) {

		private static final String PREFIX = "server-start";

		/**
		 * The time from calling {@code start()} to the first answer.
		 * @return the sum of both times
		 */
		long toFirstAnswerNanos() {
			return this.startNanos + this.firstAnswerNanos;
		}

		/**
		 * The line the probe prints.
		 * @return {@code server-start start-ns=N first-answer-ns=N}
		 */
		String line() {
			return String.format(Locale.ROOT, "%s start-ns=%d first-answer-ns=%d", PREFIX, this.startNanos,
					this.firstAnswerNanos);
		}

		/**
		 * Reads a line of the probe's output.
		 * @param line a line of output
		 * @return the reading, or empty if the line is another one (a log line, say)
		 * @throws IllegalArgumentException if the line starts like a reading but is not
		 * one
		 */
		static Optional<Reading> parse(String line) {
			String[] words = line.strip().split(" ");
			if (!words[0].equals(PREFIX)) {
				return Optional.empty();
			}
			Map<String, Long> values = new HashMap<>();
			for (int i = 1; i < words.length; i++) {
				String[] pair = words[i].split("=", 2);
				if (pair.length != 2) {
					throw new IllegalArgumentException("not a reading: '" + line + "'");
				}
				values.put(pair[0], number(pair[1], line));
			}
			Long start = values.get("start-ns");
			Long firstAnswer = values.get("first-answer-ns");
			if (start == null || firstAnswer == null || values.size() != 2) {
				throw new IllegalArgumentException("not a reading: '" + line + "'");
			}
			return Optional.of(new Reading(start, firstAnswer));
		}

		private static long number(String text, String line) {
			try {
				return Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not a reading: '" + line + "'", ex);
			}
		}

	}

}
