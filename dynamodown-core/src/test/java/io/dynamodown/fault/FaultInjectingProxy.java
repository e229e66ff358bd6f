package io.dynamodown.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP/1.1 proxy on loopback between the AWS SDK and the embedded server that injects
 * faults by a seeded schedule: throttling, server errors, connections closed before or
 * after forwarding, slow answers, answers that never come or come after the client gave
 * up, and partial {@code BatchWriteItem}/{@code BatchGetItem} results. It counts the
 * requests that reached it by operation and the faults it injected by kind.
 */
public final class FaultInjectingProxy implements AutoCloseable {

	/** The faults the proxy can inject. */
	public enum Fault {

		/** HTTP 400 {@code ProvisionedThroughputExceededException}; nothing forwarded. */
		PROVISIONED_THROUGHPUT_EXCEEDED,

		/** HTTP 400 {@code ThrottlingException}; nothing forwarded. */
		THROTTLING,

		/** HTTP 500 {@code InternalServerError}; nothing forwarded. */
		INTERNAL_SERVER_ERROR,

		/** HTTP 503 {@code ServiceUnavailable}; nothing forwarded. */
		SERVICE_UNAVAILABLE,

		/** The connection is closed before the request is forwarded. */
		CLOSE_BEFORE_FORWARD,

		/**
		 * The request is forwarded (DynamoDB did the work), then the connection is closed
		 * without an answer.
		 */
		CLOSE_AFTER_FORWARD,

		/** The answer is delayed, then forwarded normally. */
		SLOW,

		/**
		 * Batch operations only: part of the items or keys is forwarded, the rest comes
		 * back as unprocessed in DynamoDB's answer.
		 */
		PARTIAL_BATCH,

		/**
		 * {@code TransactWriteItems} only: HTTP 400 {@code TransactionCanceledException}
		 * with a {@code TransactionConflict} reason for each item; nothing forwarded.
		 */
		TRANSACTION_CONFLICT,

		/**
		 * The request is accepted and neither forwarded nor answered, as by a frozen
		 * server: the connection stays open until {@link #releaseHung()} or
		 * {@link #close()}.
		 */
		HANG,

		/**
		 * The request is forwarded (DynamoDB did the work) and its answer held back for
		 * the plan's {@link Plan#lateDelay()}, longer than the client is meant to wait.
		 */
		LATE

	}

	/**
	 * Which faults to inject and how often.
	 *
	 * @param shares the probability of each fault per request (their sum at most 1);
	 * {@link Fault#PARTIAL_BATCH} only applies to batch operations
	 * @param operations the operations faults apply to; empty for all
	 * @param slowDelay the delay of a {@link Fault#SLOW} answer
	 * @param lateDelay how long a {@link Fault#LATE} answer is held back
	 */
	public record Plan(Map<Fault, Double> shares, Set<String> operations, Duration slowDelay, Duration lateDelay) {

		/** A late answer comes after 30 s unless a plan says otherwise. */
		private static final Duration DEFAULT_LATE_DELAY = Duration.ofSeconds(30);

		/** No faults. */
		public static final Plan NONE = new Plan(Map.of(), Set.of(), Duration.ZERO);

		public Plan {
			shares = Map.copyOf(shares);
			operations = Set.copyOf(operations);
			double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
			if (sum > 1.0 + 1e-9) {
				throw new IllegalArgumentException("fault shares add up to " + sum);
			}
		}

		public Plan(Map<Fault, Double> shares, Set<String> operations, Duration slowDelay) {
			this(shares, operations, slowDelay, DEFAULT_LATE_DELAY);
		}

		/**
		 * Every request of the given operations (all when none are given) hangs.
		 * @param operations the operations
		 * @return the plan
		 */
		public static Plan hangAll(String... operations) {
			return new Plan(Map.of(Fault.HANG, 1.0), Set.of(operations), Duration.ZERO);
		}

		public Plan onlyFor(String... operations) {
			return new Plan(this.shares, Set.of(operations), this.slowDelay, this.lateDelay);
		}

		boolean appliesTo(String operation) {
			return this.operations.isEmpty() || this.operations.contains(operation);
		}

	}

	private static final String BATCH_WRITE = "BatchWriteItem";

	private static final String BATCH_GET = "BatchGetItem";

	private static final String JSON = "application/x-amz-json-1.0";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

	static {
		// without it the JDK server's separate header and body writes meet delayed ACKs
		// (about 40 ms a request); read once, when the server classes load
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final URI upstream;

	private final HttpServer server;

	private final ExecutorService handlers;

	private final HttpClient forwarder;

	private final SplittableRandom random;

	private final ScheduledExecutorService delayed;

	private volatile Plan plan = Plan.NONE;

	private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> withheld = new ConcurrentHashMap<>();

	private final Set<HttpExchange> hung = ConcurrentHashMap.newKeySet();

	private FaultInjectingProxy(URI upstream, long seed) throws IOException {
		this.upstream = upstream;
		this.random = new SplittableRandom(seed);
		this.handlers = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "fault-proxy");
			thread.setDaemon(true);
			return thread;
		});
		this.delayed = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "fault-proxy-delay");
			thread.setDaemon(true);
			return thread;
		});
		this.forwarder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(this.handlers)
			.build();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.setExecutor(this.handlers);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts a proxy to {@code upstream} on a free loopback port, injecting nothing until
	 * a {@link #plan(Plan)} is set.
	 * @param upstream the embedded server's endpoint (loopback)
	 * @param seed the seed of the fault schedule
	 * @return the running proxy
	 */
	public static FaultInjectingProxy start(URI upstream, long seed) {
		if (!InetAddress.getLoopbackAddress().getHostAddress().equals(upstream.getHost())
				&& !"localhost".equals(upstream.getHost())) {
			throw new IllegalArgumentException("upstream must be on loopback, was " + upstream);
		}
		try {
			return new FaultInjectingProxy(upstream, seed);
		}
		catch (IOException ex) {
			throw new IllegalStateException("proxy did not start", ex);
		}
	}

	/**
	 * The proxy's endpoint, for {@code endpointOverride}.
	 * @return the URI
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Sets the faults injected from now on.
	 * @param plan the plan
	 * @return this proxy
	 */
	public FaultInjectingProxy plan(Plan plan) {
		this.plan = plan;
		return this;
	}

	/** Forgets every count. */
	public void resetCounts() {
		this.requests.clear();
		this.faults.clear();
		this.withheld.clear();
	}

	/**
	 * Requests that reached the proxy for an operation.
	 * @param operation the DynamoDB operation, such as {@code PutItem}
	 * @return the count
	 */
	public long requests(String operation) {
		LongAdder count = this.requests.get(operation);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Requests that reached the proxy.
	 * @return the count
	 */
	public long totalRequests() {
		return this.requests.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * Requests by operation.
	 * @return the counts, by operation name
	 */
	public Map<String, Long> requestsByOperation() {
		Map<String, Long> counts = new TreeMap<>();
		this.requests.forEach((operation, count) -> counts.put(operation, count.sum()));
		return counts;
	}

	/**
	 * Faults injected of a kind.
	 * @param fault the kind
	 * @return the count
	 */
	public long faults(Fault fault) {
		return this.faults.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith("/" + fault.name()))
			.mapToLong((entry) -> entry.getValue().sum())
			.sum();
	}

	/**
	 * Faults injected of a kind on an operation.
	 * @param operation the operation
	 * @param fault the kind
	 * @return the count
	 */
	public long faults(String operation, Fault fault) {
		LongAdder count = this.faults.get(operation + "/" + fault.name());
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Faults injected.
	 * @return the count
	 */
	public long totalFaults() {
		return this.faults.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * Faults by kind.
	 * @return the counts
	 */
	public Map<Fault, Long> faultsByKind() {
		Map<Fault, Long> counts = new EnumMap<>(Fault.class);
		for (Fault fault : Fault.values()) {
			counts.put(fault, faults(fault));
		}
		return counts;
	}

	/**
	 * Items or keys returned as unprocessed without being forwarded.
	 * @return the count
	 */
	public long withheldItems() {
		return this.withheld.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * Items or keys of an operation returned as unprocessed without being forwarded.
	 * @param operation {@code BatchWriteItem} or {@code BatchGetItem}
	 * @return the count
	 */
	public long withheldItems(String operation) {
		LongAdder count = this.withheld.get(operation);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Closes the connections of every request held by {@link Fault#HANG} so far, as a
	 * frozen server that is killed would.
	 */
	public void releaseHung() {
		for (Iterator<HttpExchange> held = this.hung.iterator(); held.hasNext();) {
			held.next().close();
			held.remove();
		}
	}

	@Override
	public void close() {
		releaseHung();
		this.server.stop(0);
		this.delayed.shutdownNow();
		this.handlers.shutdownNow();
		try {
			this.handlers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
			String operation = (target != null) ? target.substring(target.indexOf('.') + 1) : "unknown";
			this.requests.computeIfAbsent(operation, (key) -> new LongAdder()).increment();
			Plan current = this.plan;
			Fault fault = draw(current, operation);
			if (fault != null) {
				this.faults.computeIfAbsent(operation + "/" + fault.name(), (key) -> new LongAdder()).increment();
			}
			if (fault == null) {
				respond(exchange, forward(exchange, body));
				return;
			}
			switch (fault) {
				case PROVISIONED_THROUGHPUT_EXCEEDED -> respond(exchange, error(400,
						"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
						"The level of configured provisioned throughput for the table was exceeded (injected)"));
				case THROTTLING -> respond(exchange, error(400, "com.amazon.coral.availability#ThrottlingException",
						"Rate of requests exceeds the allowed throughput (injected)"));
				case INTERNAL_SERVER_ERROR -> respond(exchange, error(500,
						"com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected)"));
				case SERVICE_UNAVAILABLE -> respond(exchange, error(503,
						"com.amazonaws.dynamodb.v20120810#ServiceUnavailable", "Service unavailable (injected)"));
				case CLOSE_BEFORE_FORWARD -> exchange.close();
				case CLOSE_AFTER_FORWARD -> {
					forward(exchange, body);
					exchange.close();
				}
				case SLOW -> this.delayed.schedule(() -> answerLate(exchange, body), current.slowDelay().toMillis(),
						TimeUnit.MILLISECONDS);
				case PARTIAL_BATCH -> respond(exchange, partial(exchange, operation, body));
				case TRANSACTION_CONFLICT -> respond(exchange, transactionConflict(body));
				case HANG -> this.hung.add(exchange);
				case LATE -> {
					Answer answer = forward(exchange, body);
					this.delayed.schedule(() -> respondQuietly(exchange, answer), current.lateDelay().toMillis(),
							TimeUnit.MILLISECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
		catch (IOException | RuntimeException ex) {
			// a failure of the proxy itself: the client sees a closed connection
			exchange.close();
		}
	}

	/**
	 * The answer of a {@link Fault#SLOW} request, given by the scheduler once the delay
	 * has passed (the exchange stays open meanwhile).
	 */
	private void answerLate(HttpExchange exchange, byte[] body) {
		try {
			respond(exchange, forward(exchange, body));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
		catch (IOException | RuntimeException ex) {
			exchange.close();
		}
	}

	private static void respondQuietly(HttpExchange exchange, Answer answer) {
		try {
			respond(exchange, answer);
		}
		catch (IOException | RuntimeException ex) {
			// the client gave up long ago
			exchange.close();
		}
	}

	private Fault draw(Plan current, String operation) {
		if (!current.appliesTo(operation) || current.shares().isEmpty()) {
			return null;
		}
		double roll;
		synchronized (this.random) {
			roll = this.random.nextDouble();
		}
		boolean batch = BATCH_WRITE.equals(operation) || BATCH_GET.equals(operation);
		double cumulative = 0;
		for (Fault fault : Fault.values()) {
			cumulative += current.shares().getOrDefault(fault, 0.0);
			if (roll < cumulative) {
				if (fault == Fault.PARTIAL_BATCH && !batch
						|| fault == Fault.TRANSACTION_CONFLICT && !"TransactWriteItems".equals(operation)) {
					return null;
				}
				return fault;
			}
		}
		return null;
	}

	private boolean coin() {
		synchronized (this.random) {
			return this.random.nextBoolean();
		}
	}

	private Answer forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(this.upstream.resolve(exchange.getRequestURI().getRawPath()))
			.timeout(Duration.ofSeconds(60))
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
		for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
			String name = header.getKey().toLowerCase(Locale.ROOT);
			if (Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding")
				.contains(name)) {
				continue;
			}
			for (String value : header.getValue()) {
				request.header(header.getKey(), value);
			}
		}
		HttpResponse<byte[]> response = this.forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		String type = response.headers().firstValue("Content-Type").orElse(JSON);
		String id = response.headers().firstValue("x-amzn-RequestId").orElse(nextRequestId());
		return new Answer(response.statusCode(), type, id, response.body());
	}

	private Answer partial(HttpExchange exchange, String operation, byte[] body)
			throws IOException, InterruptedException {
		boolean write = BATCH_WRITE.equals(operation);
		ObjectNode request = (ObjectNode) MAPPER.readTree(body);
		ObjectNode requestItems = (ObjectNode) request.get("RequestItems");
		ObjectNode unprocessed = MAPPER.createObjectNode();
		int kept = 0;
		int held = 0;
		for (Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			ArrayNode items = (ArrayNode) (write ? table.getValue() : table.getValue().get("Keys"));
			ArrayNode keep = MAPPER.createArrayNode();
			ArrayNode hold = MAPPER.createArrayNode();
			for (JsonNode item : items) {
				(coin() ? hold : keep).add(item);
			}
			kept += keep.size();
			held += hold.size();
			if (write) {
				table.setValue(keep);
				unprocessed.set(table.getKey(), hold);
			}
			else {
				ObjectNode keysAndAttributes = ((ObjectNode) table.getValue()).deepCopy();
				keysAndAttributes.set("Keys", hold);
				((ObjectNode) table.getValue()).set("Keys", keep);
				unprocessed.set(table.getKey(), keysAndAttributes);
			}
		}
		if (held == 0) {
			// nothing withheld by chance: withhold the first item of the first table
			Map.Entry<String, JsonNode> first = requestItems.fields().next();
			ArrayNode items = (ArrayNode) (write ? first.getValue() : first.getValue().get("Keys"));
			ArrayNode hold = (ArrayNode) (write ? unprocessed.get(first.getKey())
					: unprocessed.get(first.getKey()).get("Keys"));
			hold.add(items.remove(0));
			kept--;
			held++;
		}
		for (Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			JsonNode items = write ? table.getValue() : table.getValue().get("Keys");
			if (items.isEmpty()) {
				tables.remove();
			}
		}
		for (Iterator<Map.Entry<String, JsonNode>> tables = unprocessed.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			JsonNode items = write ? table.getValue() : table.getValue().get("Keys");
			if (items.isEmpty()) {
				tables.remove();
			}
		}
		this.withheld.computeIfAbsent(operation, (key) -> new LongAdder()).add(held);
		String unprocessedName = write ? "UnprocessedItems" : "UnprocessedKeys";
		if (kept == 0) {
			ObjectNode answer = MAPPER.createObjectNode();
			if (!write) {
				answer.set("Responses", MAPPER.createObjectNode());
			}
			answer.set(unprocessedName, unprocessed);
			return new Answer(200, JSON, nextRequestId(), MAPPER.writeValueAsBytes(answer));
		}
		Answer real = forward(exchange, MAPPER.writeValueAsBytes(request));
		if (real.status() != 200) {
			return real;
		}
		ObjectNode answer = (ObjectNode) MAPPER.readTree(real.body());
		ObjectNode merged = (answer.get(unprocessedName) instanceof ObjectNode existing) ? existing
				: MAPPER.createObjectNode();
		for (Iterator<Map.Entry<String, JsonNode>> tables = unprocessed.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			JsonNode already = merged.get(table.getKey());
			if (already == null) {
				merged.set(table.getKey(), table.getValue());
			}
			else if (write) {
				((ArrayNode) already).addAll((ArrayNode) table.getValue());
			}
			else {
				((ArrayNode) already.get("Keys")).addAll((ArrayNode) table.getValue().get("Keys"));
			}
		}
		answer.set(unprocessedName, merged);
		return new Answer(200, real.contentType(), real.requestId(), MAPPER.writeValueAsBytes(answer));
	}

	private static Answer error(int status, String type, String message) {
		String body = "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
		return new Answer(status, JSON, nextRequestId(), body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * DynamoDB's answer to a transaction cancelled by conflicting writes: one
	 * cancellation reason per item of the request.
	 */
	private static Answer transactionConflict(byte[] request) throws IOException {
		int items = MAPPER.readTree(request).path("TransactItems").size();
		StringBuilder reasons = new StringBuilder();
		for (int i = 0; i < items; i++) {
			reasons.append((i > 0) ? "," : "")
				.append("{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}");
		}
		String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
				+ "\"message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons "
				+ "[TransactionConflict] (injected)\",\"CancellationReasons\":[" + reasons + "]}";
		return new Answer(400, JSON, nextRequestId(), body.getBytes(StandardCharsets.UTF_8));
	}

	private static String nextRequestId() {
		return "fault-proxy-" + REQUEST_IDS.incrementAndGet();
	}

	private static void respond(HttpExchange exchange, Answer answer) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", answer.contentType());
		headers.set("x-amzn-RequestId", answer.requestId());
		CRC32 crc = new CRC32();
		crc.update(answer.body());
		headers.set("x-amz-crc32", Long.toString(crc.getValue()));
		exchange.sendResponseHeaders(answer.status(), (answer.body().length == 0) ? -1 : answer.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer.body());
		}
	}

	private record Answer(int status, String contentType, String requestId, byte[] body) {

	}

}
