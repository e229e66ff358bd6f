package io.dynamodown.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.dynamodown.benchmarks.CompressionCandidates.Candidate;

/**
 * Measures the compression candidates on this machine: size ratio and throughput in both
 * directions on real JSON ({@link JsonCorpus}) of several sizes and on random bytes,
 * printed as a Markdown table. Each cell is warmed up, then measured in several runs per
 * direction; the table shows the median run. Arguments: {@code --quick} for short runs
 * (to try the program, not to quote).
 */
public final class CompressionMeasurement {

	private static final double MB = 1_000_000.0;

	private final long warmupNanos;

	private final long runNanos;

	private final int runs;

	private CompressionMeasurement(long warmupMillis, long runMillis, int runs) {
		this.warmupNanos = warmupMillis * 1_000_000;
		this.runNanos = runMillis * 1_000_000;
		this.runs = runs;
	}

	/**
	 * Runs the measurement and prints the table to standard output.
	 * @param args {@code --quick} or nothing
	 */
	public static void main(String[] args) {
		boolean quick = Arrays.asList(args).contains("--quick");
		CompressionMeasurement measurement = quick ? new CompressionMeasurement(200, 100, 3)
				: new CompressionMeasurement(1000, 300, 5);
		List<Sample> samples = samples(JsonCorpus.load());
		System.out.println(header());
		for (Candidate candidate : CompressionCandidates.all()) {
			CompressionCodec codec;
			try {
				codec = candidate.factory().get();
			}
			catch (LinkageError | RuntimeException ex) {
				System.out.printf(Locale.ROOT, "| %s | %s | did not load: %s | | | | | | | |%n", candidate.name(),
						candidate.implementation(), ex);
				continue;
			}
			for (Sample sample : samples) {
				Cell cell = measurement.measure(codec, sample.values());
				System.out.println(row(candidate, sample, cell));
			}
		}
	}

	private static List<Sample> samples(JsonCorpus corpus) {
		List<Sample> samples = new ArrayList<>();
		samples.add(new Sample("JSON entries", corpus.entries()));
		samples.add(new Sample("JSON 2-8 KB", corpus.documents(2 * 1024, 8 * 1024)));
		samples.add(new Sample("JSON 64-128 KB", corpus.documents(64 * 1024, 128 * 1024)));
		samples.add(new Sample("JSON 512 KB-1 MB", corpus.documents(512 * 1024, 1024 * 1024)));
		samples.add(new Sample("random 1 KB", JsonCorpus.random(1024, 1024)));
		samples.add(new Sample("random 1 MB", JsonCorpus.random(4, 1024 * 1024)));
		return samples;
	}

	private Cell measure(CompressionCodec codec, List<byte[]> values) {
		int count = values.size();
		byte[][] compressed = new byte[count][];
		int[] lengths = new int[count];
		byte[][] restored = new byte[count][];
		long raw = 0;
		long stored = 0;
		long rawUnits = 0;
		long storedUnits = 0;
		for (int i = 0; i < count; i++) {
			byte[] value = values.get(i);
			compressed[i] = new byte[codec.maxCompressedLength(value.length)];
			restored[i] = new byte[value.length];
			lengths[i] = codec.compress(value, compressed[i]);
			codec.decompress(compressed[i], lengths[i], restored[i]);
			if (!Arrays.equals(value, restored[i])) {
				throw new IllegalStateException("Round trip changed value " + i);
			}
			raw += value.length;
			stored += lengths[i];
			rawUnits += units(value.length);
			storedUnits += units(lengths[i]);
		}
		long deadline = System.nanoTime() + this.warmupNanos;
		while (System.nanoTime() < deadline) {
			compressAll(codec, values, compressed, lengths);
			decompressAll(codec, compressed, lengths, restored);
		}
		double[] compressRates = new double[this.runs];
		double[] decompressRates = new double[this.runs];
		for (int run = 0; run < this.runs; run++) {
			compressRates[run] = rate(raw, () -> compressAll(codec, values, compressed, lengths));
			decompressRates[run] = rate(raw, () -> decompressAll(codec, compressed, lengths, restored));
		}
		return new Cell(count, raw, stored, rawUnits, storedUnits, median(compressRates), median(decompressRates));
	}

	/**
	 * MB per second of raw bytes over passes repeated for one run's time.
	 */
	private double rate(long rawBytesPerPass, Runnable pass) {
		long start = System.nanoTime();
		long elapsed;
		long passes = 0;
		do {
			pass.run();
			passes++;
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < this.runNanos);
		return rawBytesPerPass * passes / MB / (elapsed / 1e9);
	}

	private static void compressAll(CompressionCodec codec, List<byte[]> values, byte[][] compressed, int[] lengths) {
		for (int i = 0; i < lengths.length; i++) {
			lengths[i] = codec.compress(values.get(i), compressed[i]);
		}
	}

	private static void decompressAll(CompressionCodec codec, byte[][] compressed, int[] lengths, byte[][] restored) {
		for (int i = 0; i < lengths.length; i++) {
			codec.decompress(compressed[i], lengths[i], restored[i]);
		}
	}

	/**
	 * DynamoDB write units of a value alone: one per started KB.
	 */
	private static long units(int bytes) {
		return Math.max(1, (bytes + 1023) / 1024);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String header() {
		return "| codec | code | data | values | raw bytes | compressed/raw | compress MB/s | decompress MB/s | us/value c / d | 1 KB units raw -> compressed |\n"
				+ "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
	}

	private static String row(Candidate candidate, Sample sample, Cell cell) {
		return String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.3f | %.0f | %.0f | %s / %s | %d -> %d (%.2f) |",
				candidate.name(), candidate.implementation(), sample.name(), cell.values(), cell.rawBytes(),
				(double) cell.storedBytes() / cell.rawBytes(), cell.compressMBps(), cell.decompressMBps(),
				micros(cell, cell.compressMBps()), micros(cell, cell.decompressMBps()), cell.rawUnits(),
				cell.storedUnits(), (double) cell.storedUnits() / cell.rawUnits());
	}

	/**
	 * Microseconds per value at a rate of raw MB per second.
	 */
	private static String micros(Cell cell, double mbPerSecond) {
		double micros = (double) cell.rawBytes() / cell.values() / mbPerSecond;
		return String.format(Locale.ROOT, (micros < 10) ? "%.1f" : "%.0f", micros);
	}

	private record Sample(String name, List<byte[]> values) {

	}

	private record Cell(int values, long rawBytes, long storedBytes, long rawUnits, long storedUnits,
			double compressMBps, double decompressMBps) {

	}

}
