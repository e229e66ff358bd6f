package io.dynamodown.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.dynamodown.benchmarks.CompressionCandidates.Candidate;

/**
 * Measures the compression candidates on this machine: size ratio and throughput in both
 * directions on real JSON ({@link JsonCorpus}) of several sizes and on random bytes,
 * printed as a Markdown table. Each codec is warmed up on each sample, then measured in
 * several runs per direction, interleaved with the other codecs' runs so that load from
 * outside falls on all alike; the table shows the median run. Each codec's output is
 * checked to decompress to the input. Arguments: {@code --quick} for short runs (to try
 * the program, not to quote).
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
		List<Candidate> loaded = new ArrayList<>();
		List<CompressionCodec> codecs = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Candidate candidate : CompressionCandidates.all()) {
			try {
				codecs.add(candidate.factory().get());
				loaded.add(candidate);
			}
			catch (LinkageError | RuntimeException ex) {
				failures.add(String.format(Locale.ROOT, "| %s | %s | did not load: %s | | | | | | | |",
						candidate.name(), candidate.implementation(), ex));
			}
		}
		Cell[][] cells = new Cell[codecs.size()][samples.size()];
		for (int s = 0; s < samples.size(); s++) {
			Cell[] sampleCells = measurement.measure(codecs, samples.get(s).values());
			for (int c = 0; c < codecs.size(); c++) {
				cells[c][s] = sampleCells[c];
			}
		}
		System.out.println(header());
		for (int c = 0; c < codecs.size(); c++) {
			for (int s = 0; s < samples.size(); s++) {
				System.out.println(row(loaded.get(c), samples.get(s), cells[c][s]));
			}
		}
		failures.forEach(System.out::println);
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

	/**
	 * Measures every codec on one sample. The runs are interleaved (run 1 of every codec,
	 * then run 2 of every codec, ...), so that load from outside falls on all codecs
	 * alike.
	 */
	private Cell[] measure(List<CompressionCodec> codecs, List<byte[]> values) {
		List<Trial> trials = new ArrayList<>();
		for (CompressionCodec codec : codecs) {
			Trial trial = new Trial(codec, values);
			long deadline = System.nanoTime() + this.warmupNanos;
			while (System.nanoTime() < deadline) {
				trial.compressAll();
				trial.decompressAll();
			}
			trials.add(trial);
		}
		double[][] compressRates = new double[trials.size()][this.runs];
		double[][] decompressRates = new double[trials.size()][this.runs];
		for (int run = 0; run < this.runs; run++) {
			for (int t = 0; t < trials.size(); t++) {
				Trial trial = trials.get(t);
				compressRates[t][run] = rate(trial.rawBytes, trial::compressAll);
				decompressRates[t][run] = rate(trial.rawBytes, trial::decompressAll);
			}
		}
		Cell[] cells = new Cell[trials.size()];
		for (int t = 0; t < trials.size(); t++) {
			cells[t] = trials.get(t).cell(median(compressRates[t]), median(decompressRates[t]));
		}
		return cells;
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

	/**
	 * One codec on one sample: the buffers it fills, checked to round-trip.
	 */
	private static final class Trial {

		private final CompressionCodec codec;

		private final List<byte[]> values;

		private final byte[][] compressed;

		private final int[] lengths;

		private final byte[][] restored;

		private final long rawBytes;

		Trial(CompressionCodec codec, List<byte[]> values) {
			this.codec = codec;
			this.values = values;
			this.compressed = new byte[values.size()][];
			this.lengths = new int[values.size()];
			this.restored = new byte[values.size()][];
			for (int i = 0; i < values.size(); i++) {
				this.compressed[i] = new byte[codec.maxCompressedLength(values.get(i).length)];
				this.restored[i] = new byte[values.get(i).length];
			}
			this.rawBytes = JsonCorpus.totalBytes(values);
			compressAll();
			decompressAll();
			for (int i = 0; i < values.size(); i++) {
				if (!Arrays.equals(values.get(i), this.restored[i])) {
					throw new IllegalStateException("Round trip changed value " + i);
				}
			}
		}

		void compressAll() {
			for (int i = 0; i < this.lengths.length; i++) {
				this.lengths[i] = this.codec.compress(this.values.get(i), this.compressed[i]);
			}
		}

		void decompressAll() {
			for (int i = 0; i < this.lengths.length; i++) {
				this.codec.decompress(this.compressed[i], this.lengths[i], this.restored[i]);
			}
		}

		Cell cell(double compressMBps, double decompressMBps) {
			long stored = 0;
			long rawUnits = 0;
			long storedUnits = 0;
			for (int i = 0; i < this.lengths.length; i++) {
				stored += this.lengths[i];
				rawUnits += units(this.values.get(i).length);
				storedUnits += units(this.lengths[i]);
			}
			return new Cell(this.lengths.length, this.rawBytes, stored, rawUnits, storedUnits, compressMBps,
					decompressMBps);
		}

	}

	private record Sample(String name, List<byte[]> values) {

	}

	private record Cell(int values, long rawBytes, long storedBytes, long rawUnits, long storedUnits,
			double compressMBps, double decompressMBps) {

	}

}
