package io.dynamodown.benchmarks;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dynamodown.LevelDb;
import io.micrometer.observation.ObservationRegistry;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmark's entry point: starts one embedded DynamoDB server on loopback, runs
 * every workload with dynamodown and with a hand-written raw SDK equivalent in
 * alternating rounds, and prints one table of median times, requests and consumed
 * capacity.
 * <p>
 * Each side has its own {@link DynamoDbClient}, built by the same code (same endpoint,
 * region, credentials, Apache HTTP client with its defaults, default retry strategy),
 * each with a counting interceptor. Arguments: {@code --quick} (reduced sizes),
 * {@code --rounds N} (measured rounds, default 3), {@code --warmup N} (warm-up rounds,
 * default 1), {@code --only a,b} (chosen workloads), {@code --latency-ms N} (a delay
 * before every request of both sides, standing for a network round trip).
 * <p>
 * Named in {@code --only}, and only then, the embedded server itself is measured first,
 * in a second table: {@code server-start} (cold starts, each in a fresh JVM,
 * {@link ColdStart}), {@code server-restart} (start, first request and close, repeated in
 * this JVM, {@link WarmRestart}) and {@code server-throughput} (raw {@code GetItem} and
 * {@code PutItem} per second from eight threads, {@link ServerThroughput}); and
 * {@code sharding} ({@link ShardingBenchmark}): writes of increasing keys to databases of
 * 1, 4 and 16 shards under a per-partition cap, and point operations, limit-10 reads and
 * full scans on 1 and 8 shards without one.
 */
public final class Benchmarks {

	/** The table both sides write to, under different hash keys. */
	static final String TABLE = "benchmarks";

	private Benchmarks() {
	}

	/**
	 * Runs the benchmark.
	 * @param args
	 * {@code [--quick] [--rounds N] [--warmup N] [--only a,b] [--latency-ms N]}; the
	 * server measurements run only when named in {@code --only}
	 */
	public static void main(String[] args) {
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		PrintStream out = System.out;
		long start = System.nanoTime();
		List<ServerTable.Row> server = server(options, out);
		List<Result> results = options.runsWorkloads() ? workloads(options, out) : List.of();
		ShardingBenchmark sharding = new ShardingBenchmark(out, options);
		List<ShardingTable.CappedRow> capped = options.measuresSharding() ? sharding.capped() : List.of();
		List<ShardingTable.UncappedRow> uncapped = options.measuresSharding() ? sharding.uncapped() : List.of();
		out.println();
		out.printf(Locale.ROOT, "%s, %d measured rounds (median) after %d warm-up, %s, %d cores, Java %s%n%n",
				(options.sizes() == BenchmarkOptions.Sizes.FULL) ? "full size" : "quick", options.rounds(),
				options.warmups(),
				options.latency().isZero() ? "no added latency"
						: options.latency().toMillis() + " ms added before every request",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		if (!server.isEmpty()) {
			out.print(ServerTable.format(server));
			out.println();
		}
		if (!capped.isEmpty()) {
			out.printf(Locale.ROOT, "Increasing keys under a cap of %d write units a second per partition key:%n%n",
					ShardingBenchmark.CAP);
			out.print(ShardingTable.capped(capped, ShardingBenchmark.CAP));
			out.println();
			out.printf(Locale.ROOT, "Sharded and unsharded databases without a cap:%n%n");
			out.print(ShardingTable.uncapped(uncapped));
			out.println();
		}
		if (!results.isEmpty()) {
			out.print(ResultTable.format(results));
			out.printf(Locale.ROOT, "%nratio = dynamodown time / raw SDK time; floor = fewest requests DynamoDB allows "
					+ "(DESIGN.md section 8)%n");
		}
		out.printf(Locale.ROOT, "total run %.1f s%n", (System.nanoTime() - start) / 1e9);
		out.flush();
		System.exit(0);
	}

	private static List<ServerTable.Row> server(BenchmarkOptions options, PrintStream out) {
		List<ServerTable.Row> rows = new ArrayList<>();
		BenchmarkOptions.Sizes sizes = options.sizes();
		if (options.measuresServer("server-start")) {
			rows.addAll(new ColdStart(out).run(sizes.coldStarts(), options.warmups()));
		}
		if (options.measuresServer("server-restart")) {
			rows.addAll(new WarmRestart(out).run(sizes.restarts(), options.warmups()));
		}
		if (options.measuresServer("server-throughput")) {
			rows.addAll(new ServerThroughput(out).run(sizes.throughputRound(), options.rounds(), options.warmups()));
		}
		return rows;
	}

	private static List<Result> workloads(BenchmarkOptions options, PrintStream out) {
		List<Result> results = new ArrayList<>();
		RequestMeter dynamodownListener = new RequestMeter();
		RequestMeter dynamodownWire = new RequestMeter();
		RequestMeter rawWire = new RequestMeter();
		TimingHandler timing = new TimingHandler();
		try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start();
				DynamoDbClient dynamodownClient = client(server.endpoint(), dynamodownWire, options.latency());
				DynamoDbClient rawClient = client(server.endpoint(), rawWire, options.latency())) {
			Workloads workloads = new Workloads(options.sizes(),
					stores(dynamodownClient, rawClient, dynamodownListener, "dyn", "raw"),
					stores(dynamodownClient, rawClient, dynamodownListener, "dyn-bulk", "raw-bulk"),
					stores(dynamodownClient, rawClient, dynamodownListener, "dyn-clear", "raw-clear"),
					observed(dynamodownClient, dynamodownListener, "dyn", timing));
			workloads.prepare();
			AlternatingRunner runner = new AlternatingRunner(options, dynamodownListener, dynamodownWire, rawWire, out);
			boolean readsBulk = options.selects("scan") || options.selects("scan-reverse")
					|| options.selects("limit-10");
			for (Workload workload : workloads.all()) {
				if (options.selects(workload.name()) || (workload.name().equals("bulk") && readsBulk)) {
					results.add(runner.run(workload));
				}
			}
		}
		if (timing.count() > 0) {
			out.printf(Locale.ROOT, "get-observed: the observation handler timed %d store operations, %.1f us each%n",
					timing.count(), timing.nanos() / 1e3 / timing.count());
		}
		return results;
	}

	private static Workloads.Stores stores(DynamoDbClient dynamodownClient, DynamoDbClient rawClient,
			RequestMeter listener, String dynamodownHashKey, String rawHashKey) {
		LevelDb db = LevelDb.builder(dynamodownClient)
			.table(TABLE)
			.hashKey(dynamodownHashKey)
			.listener(listener)
			.open();
		return new Workloads.Stores(db, new RawSdkStore(rawClient, TABLE, rawHashKey));
	}

	/**
	 * A store observed in a registry whose one handler times every observation, as a
	 * metrics handler does.
	 */
	private static LevelDb observed(DynamoDbClient client, RequestMeter listener, String hashKey,
			TimingHandler timing) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(timing);
		return LevelDb.builder(client)
			.table(TABLE)
			.hashKey(hashKey)
			.listener(listener)
			.observationRegistry(registry)
			.open();
	}

	/**
	 * A client for the embedded server, the same for both sides but for its meter.
	 */
	static DynamoDbClient client(URI endpoint, RequestMeter meter, Duration latency) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration((c) -> {
				c.addExecutionInterceptor(new CountingInterceptor(meter));
				if (!latency.isZero()) {
					c.addExecutionInterceptor(new LatencyInterceptor(latency));
				}
			})
			.build();
	}

}
