package io.dynamodown.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Cold starts of the embedded server, each in a fresh JVM: launches
 * {@link ServerStartProbe} as a child process (the same {@code java} and class path as
 * this JVM, no other options), once per run, one after the other, and reads its line.
 * Beside the probe's own two times it measures, from here, the time from launching the
 * child to reading that line: JVM start and class loading included.
 */
final class ColdStart {

	/** A child that has not answered by then is killed and the run fails. */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	/** Lines of a failed child's output kept for the error message. */
	private static final int KEPT_LINES = 20;

	private final List<String> command;

	private final PrintStream log;

	/**
	 * Creates the launcher.
	 * @param log where each run's times are printed
	 */
	ColdStart(PrintStream log) {
		this.command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ServerStartProbe.class.getName());
		this.log = log;
	}

	/**
	 * Launches the probe {@code warmups + runs} times and summarises the measured runs.
	 * @param runs measured runs
	 * @param warmups unmeasured runs first (they bring the class path into the page
	 * cache)
	 * @return rows for {@code start()}, the first answer after it, both together, and
	 * launch to first answer
	 * @throws IllegalStateException if a child fails, prints no reading or takes longer
	 * than two minutes
	 */
	List<ServerTable.Row> run(int runs, int warmups) {
		for (int i = 0; i < warmups; i++) {
			launch();
		}
		long[] start = new long[runs];
		long[] firstAnswer = new long[runs];
		long[] toFirstAnswer = new long[runs];
		long[] launchToAnswer = new long[runs];
		for (int i = 0; i < runs; i++) {
			Launch launch = launch();
			start[i] = launch.reading().startNanos();
			firstAnswer[i] = launch.reading().firstAnswerNanos();
			toFirstAnswer[i] = launch.reading().toFirstAnswerNanos();
			launchToAnswer[i] = launch.nanos();
			this.log.printf(Locale.ROOT,
					"server-start  run %d: start() %7.1f ms, first answer %7.1f ms later, %7.1f ms in all, "
							+ "%7.1f ms from launching the JVM%n",
					i + 1, start[i] / 1e6, firstAnswer[i] / 1e6, toFirstAnswer[i] / 1e6, launchToAnswer[i] / 1e6);
		}
		return List.of(ServerTable.Row.millis("server-start", "fresh JVM: EmbeddedDynamoDb.start()", Spread.of(start)),
				ServerTable.Row.millis("server-start", "fresh JVM: first listTables() after start(), client built",
						Spread.of(firstAnswer)),
				ServerTable.Row.millis("server-start", "fresh JVM: start() to first answer", Spread.of(toFirstAnswer)),
				ServerTable.Row.millis("server-start", "fresh JVM: launching java to first answer",
						Spread.of(launchToAnswer)));
	}

	private Launch launch() {
		Process process;
		long launched = System.nanoTime();
		try {
			process = new ProcessBuilder(this.command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not launch " + this.command, ex);
		}
		// Ends the output below for a child that hangs; does nothing to one that has
		// exited.
		CompletableFuture.delayedExecutor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(process::destroyForcibly);
		ServerStartProbe.@Nullable Reading reading = null;
		long answered = 0;
		Deque<String> lastLines = new ArrayDeque<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				Optional<ServerStartProbe.Reading> parsed = ServerStartProbe.Reading.parse(line);
				if (parsed.isPresent() && reading == null) {
					answered = System.nanoTime();
					reading = parsed.get();
				}
				keep(lastLines, line);
			}
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the probe's output", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("interrupted while waiting for the probe", ex);
		}
		int exit = process.isAlive() ? -1 : process.exitValue();
		if (reading == null || exit != 0) {
			throw new IllegalStateException("the probe " + ((reading == null) ? "printed no reading" : "failed")
					+ " (exit " + exit + ", killed after " + TIMEOUT + " if still running); its last lines:\n"
					+ String.join("\n", lastLines));
		}
		return new Launch(reading, answered - launched);
	}

	private static void keep(Deque<String> lines, String line) {
		lines.addLast(line);
		if (lines.size() > KEPT_LINES) {
			lines.removeFirst();
		}
	}

	/**
	 * One child's reading and the time from launching it to reading the line.
	 */
	private record Launch(ServerStartProbe.Reading reading, long nanos) {

	}

}
