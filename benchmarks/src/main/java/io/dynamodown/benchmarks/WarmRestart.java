package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.dynamodown.embedded.EmbeddedDynamoDb;

/**
 * Starts of the embedded server in a JVM that has started it before: each cycle calls
 * {@link EmbeddedDynamoDb#start()}, asks the new server for its tables through its own
 * client ({@code client().listTables()}, so the client is built once per server), then
 * closes it. This is what a test suite pays per server once the first one has loaded the
 * classes.
 */
final class WarmRestart {

	private final PrintStream log;

	/**
	 * Creates the measurement.
	 * @param log where the summary of the cycles is printed
	 */
	WarmRestart(PrintStream log) {
		this.log = log;
	}

	/**
	 * Runs {@code warmups + cycles} cycles and summarises the measured ones.
	 * @param cycles measured cycles
	 * @param warmups unmeasured cycles first
	 * @return rows for start to first answer, for close, and for the whole cycle
	 */
	List<ServerTable.Row> run(int cycles, int warmups) {
		for (int i = 0; i < warmups; i++) {
			cycle();
		}
		long[] toFirstAnswer = new long[cycles];
		long[] close = new long[cycles];
		long[] whole = new long[cycles];
		for (int i = 0; i < cycles; i++) {
			long[] times = cycle();
			toFirstAnswer[i] = times[0];
			close[i] = times[1];
			whole[i] = times[0] + times[1];
		}
		Spread spread = Spread.of(toFirstAnswer);
		this.log.printf(Locale.ROOT, "server-restart %d cycles: start() to first answer median %.1f ms (%.1f-%.1f)%n",
				cycles, spread.median() / 1e6, spread.min() / 1e6, spread.max() / 1e6);
		return List.of(
				ServerTable.Row.millis("server-restart", "same JVM: start() to first answer, client built", spread),
				ServerTable.Row.millis("server-restart", "same JVM: close()", Spread.of(close)),
				ServerTable.Row.millis("server-restart", "same JVM: start(), first answer, close()", Spread.of(whole)));
	}

	/**
	 * One cycle.
	 * @return start to first answer, and close, in nanoseconds
	 */
	private static long[] cycle() {
		long before = System.nanoTime();
		long answered;
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start()) {
			server.client().listTables();
			answered = System.nanoTime();
		}
		return new long[] { answered - before, System.nanoTime() - answered };
	}

}
