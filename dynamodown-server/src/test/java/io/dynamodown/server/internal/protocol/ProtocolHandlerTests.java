package io.dynamodown.server.internal.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dynamodown.server.internal.error.DynamoDbError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP layer over raw HTTP, with the answers (bodies and their CRC32s) DynamoDB
 * gives.
 */
class ProtocolHandlerTests {

	private static final String SERIALIZATION = "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";

	private static final String UNKNOWN_OPERATION = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";

	private static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKID/20261205/us-east-1/dynamodb/aws4_request, "
			+ "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123";

	private final FakeExecutor executor = new FakeExecutor();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ProtocolServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = ProtocolServer.start(0, Authenticator.anyCredentials(), false, this.executor);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void getAnswersHealthy() throws Exception {
		HttpResponse<String> response = send(request("/anything").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
		assertThat(header(response, "x-amz-crc32")).isEqualTo("3128867991");
		assertThat(header(response, "content-length")).isEqualTo("42");
		assertThat(header(response, "x-amzn-RequestId")).matches("[0-9A-Z]{52}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "DELETE", "OPTIONS", "PATCH" })
	void otherMethodsAreNotFound(String method) throws Exception {
		assertNotFound(send(request("/").method(method, BodyPublishers.noBody())));
	}

	@Test
	void headIsNotFoundWithoutBody() throws Exception {
		HttpResponse<String> response = send(request("/").method("HEAD", BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "whatever", "application/x-amz-json-1.1", "application/jsonasdf" })
	void bodyOfAnotherContentTypeIsNotFound(String contentType) throws Exception {
		HttpRequest.Builder request = request("/").POST(BodyPublishers.ofString("hi"));
		if (!contentType.isEmpty()) {
			request.header("Content-Type", contentType);
		}
		assertNotFound(send(request));
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;", "  application/json  ;   asfd",
			"application/json;blahblah" })
	void malformedJsonIsSerializationException(String contentType) throws Exception {
		HttpResponse<String> response = send(post("hi").header("Content-Type", contentType));
		assertJsonError(response, SERIALIZATION, 3948637019L, "application/json");
	}

	@Test
	void answersInTheAmzJsonContentTypeWhenAskedIn() throws Exception {
		HttpResponse<String> response = send(post("hi").header("Content-Type", "application/x-amz-json-1.0;blahblah"));
		assertJsonError(response, SERIALIZATION, 3948637019L, "application/x-amz-json-1.0");
		response = send(post("{}").header("Content-Type", "application/x-amz-json-1.0"));
		assertJsonError(response, UNKNOWN_OPERATION, 1368724161L, "application/x-amz-json-1.0");
	}

	@Test
	void jsonThatIsNotAnObjectIsSerializationException() throws Exception {
		for (String body : List.of("[]", "1", "\"a\"", "null")) {
			HttpResponse<String> response = send(signed(post(body), "ListTables"));
			assertJsonError(response, SERIALIZATION, 3948637019L, "application/json");
		}
	}

	@Test
	void withoutTargetIsUnknownOperation() throws Exception {
		assertJsonError(send(post("")), UNKNOWN_OPERATION, 1368724161L, "application/json");
		assertJsonError(send(post("{}").header("Content-Type", "application/json;charset=asfdsaf")), UNKNOWN_OPERATION,
				1368724161L, "application/json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "whatever", "DynamoDB_20120810.ListTable", "DynamoDB_20120810.ListTables.x",
			"DynamoDB_20120810.", ".ListTables", "DynamoDB_20111205.ListTables",
			"DynamoDBStreams_20120810.ListTables" })
	void unknownTargetIsUnknownOperation(String target) throws Exception {
		HttpResponse<String> response = send(post("").header("X-Amz-Target", target));
		assertJsonError(response, UNKNOWN_OPERATION, 1368724161L, "application/json");
	}

	@Test
	void unknownOperationSetsCorsWithOrigin() throws Exception {
		HttpResponse<String> response = send(post("").header("Origin", "whatever"));
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
		assertJsonError(response, UNKNOWN_OPERATION, 1368724161L, "application/json");
	}

	@Test
	void withoutAuthorizationIsMissingAuthenticationToken() throws Exception {
		String missing = "{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
				+ "\"message\":\"Request is missing Authentication Token\"}";
		assertJsonError(send(target(post(""))), missing, 2088342776L, "application/json");
		assertJsonError(send(target(post("")).header("Authorization", "AWS4")), missing, 2088342776L,
				"application/json");
		assertJsonError(send(target(post("", "/?X-Amz-Algorith")).header("Authorization", "X")), missing, 2088342776L,
				"application/json");
		assertJsonError(
				send(target(post("", "/?X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d"))),
				missing, 2088342776L, "application/json");
	}

	@Test
	void bothAuthorizationKindsAreInvalidSignature() throws Exception {
		HttpResponse<String> response = send(target(post("", "/?X-Amz-Algorithm")).header("Authorization", "X"));
		assertJsonError(response, "{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":"
				+ "\"Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.\"}",
				2139606068L, "application/json");
	}

	@Test
	void incompleteAuthorizationHeaderNamesWhatIsMissing() throws Exception {
		assertIncomplete(send(target(post("")).header("Authorization", "AWS4-")),
				"Authorization header requires 'Credential' parameter. "
						+ "Authorization header requires 'Signature' parameter. "
						+ "Authorization header requires 'SignedHeaders' parameter. "
						+ "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
						+ "Authorization=AWS4-",
				1828866742L);
		assertIncomplete(
				send(target(post("")).header("Authorization", "AWS4- Signature=b Credential=a").header("Date", "a")),
				"Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b Credential=a",
				15336762L);
		assertIncomplete(
				send(target(post("")).header("Authorization", "AWS4- Signature=b,Credential=a").header("Date", "a")),
				"Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b,Credential=a",
				1159703774L);
		assertIncomplete(
				send(target(post("")).header("Authorization", "AWS4- Signature=b, Credential=a").header("Date", "a")),
				"Authorization header requires 'SignedHeaders' parameter. "
						+ "Authorization=AWS4- Signature=b, Credential=a",
				164353342L);
	}

	@Test
	void incompleteQueryNamesWhatIsMissing() throws Exception {
		assertIncomplete(send(target(post("", "/?X-Amz-Algorithm"))),
				"AWS query-string parameters must include 'X-Amz-Algorithm'. "
						+ "AWS query-string parameters must include 'X-Amz-Credential'. "
						+ "AWS query-string parameters must include 'X-Amz-Signature'. "
						+ "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
						+ "AWS query-string parameters must include 'X-Amz-Date'. "
						+ "Re-examine the query-string parameters.",
				2900502663L);
		assertIncomplete(
				send(target(post("", "/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d"))),
				"AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
						+ "Re-examine the query-string parameters.",
				3712057481L);
	}

	@Test
	void signedEmptyBodyIsSerializationException() throws Exception {
		assertJsonError(send(signed(post(""), "ListTables")), SERIALIZATION, 3948637019L, "application/json");
		assertThat(this.executor.calls).isEmpty();
	}

	@Test
	void presignedRequestReachesTheExecutor() throws Exception {
		HttpResponse<String> response = send(target(post("{}",
				"/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=QUERYKEY%2F20261205%2Fus-east-1%2Fdynamodb%2Faws4_request"
						+ "&X-Amz-Signature=b&X-Amz-SignedHeaders=host&X-Amz-Date=20261205T000000Z"))
			.header("Content-Type", "application/json"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.executor.calls).hasSize(1);
	}

	@Test
	void answerIsTheExecutorsJsonWithCrc32() throws Exception {
		this.executor.answer = (call) -> {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("Echo", call.body());
			answer.put("Text", "\u00e9\u20ac");
			return answer;
		};
		HttpResponse<byte[]> response = this.client.send(signed(post("{\"Limit\":5,\"N\":1.50}"), "ListTables")
			.setHeader("Content-Type", ProtocolHandler.AMZ_JSON)
			.build(), BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.isEqualTo("{\"Echo\":{\"Limit\":5,\"N\":1.50},\"Text\":\"\u00e9\u20ac\"}");
		assertThat(header(response, "Content-Type")).isEqualTo(ProtocolHandler.AMZ_JSON);
		assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
		assertThat(header(response, "x-amz-crc32")).isEqualTo(Long.toString(crc32(response.body())));
		assertThat(header(response, "x-amzn-RequestId")).matches("[0-9A-Z]{52}");
		FakeExecutor.Call call = this.executor.calls.get(0);
		assertThat(call.target()).isEqualTo(FakeExecutor.DYNAMODB);
		assertThat(call.operation()).isEqualTo("ListTables");
		assertThat(call.account()).isEmpty();
		assertThat(call.thread()).startsWith("dynamodown-server-");
	}

	@Test
	void requestIdsDiffer() throws Exception {
		HttpResponse<String> first = send(request("/").GET());
		HttpResponse<String> second = send(request("/").GET());
		assertThat(header(first, "x-amzn-RequestId")).isNotEqualTo(header(second, "x-amzn-RequestId"));
	}

	@Test
	void errorBodyHasTypeMessageAndExtraMembers() throws Exception {
		this.executor.answer = (call) -> {
			throw DynamoDbError.conditionalCheckFailed("The conditional request failed")
				.with("Item", Map.of("id", Map.of("S", "a")));
		};
		HttpResponse<String> response = send(signed(post("{}"), "PutItem"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
					+ "\"message\":\"The conditional request failed\",\"Item\":{\"id\":{\"S\":\"a\"}}}");
	}

	@Test
	void serializationErrorNamesItsMessageWithCapitalM() throws Exception {
		this.executor.answer = (call) -> {
			throw DynamoDbError.serialization("TRUE_VALUE cannot be converted to String");
		};
		HttpResponse<String> response = send(signed(post("{}"), "PutItem"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\","
				+ "\"Message\":\"TRUE_VALUE cannot be converted to String\"}");
	}

	@Test
	void unexpectedFailureIsInternalServerError() throws Exception {
		this.executor.answer = (call) -> {
			throw new IllegalStateException("a bug");
		};
		HttpResponse<String> response = send(signed(post("{}"), "ListTables"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(
				"{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}");
	}

	@Test
	void answerWithoutJsonFormIsInternalServerError() throws Exception {
		this.executor.answer = (call) -> Map.of("Bad", new Object());
		assertThat(send(signed(post("{}"), "ListTables")).statusCode()).isEqualTo(500);
	}

	@Test
	void corsPreflightWithOrigin() throws Exception {
		HttpResponse<String> response = send(request("/").method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", "whatever")
			.header("Access-Control-Request-Headers", "a, b, c")
			.header("Access-Control-Request-Method", "d"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("a, b, c");
		assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("d");
		assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("172800");
		assertThat(header(response, "Content-Length")).isEqualTo("0");
		assertThat(header(response, "x-amzn-RequestId")).matches("[0-9A-Z]{52}");
	}

	@Test
	void corsPreflightWithoutRequestedHeaders() throws Exception {
		HttpResponse<String> response = send(
				request("/").method("OPTIONS", BodyPublishers.noBody()).header("Origin", "whatever"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
		assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("172800");
	}

	@Test
	void bodyPastTheLimitIsTooLargeAndTheServerStaysHealthy() throws Exception {
		byte[] body = new byte[RequestBody.LIMIT + 1];
		Arrays.fill(body, (byte) 'a');
		HttpResponse<String> response = send(post(BodyPublishers.ofByteArray(body)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(header(response, "Transfer-Encoding")).isEqualTo("chunked");
		assertThat(response.body()).isEmpty();
		assertThat(send(request("/").GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void chunkedBodyPastTheLimitIsTooLarge() throws Exception {
		byte[] body = new byte[RequestBody.LIMIT + 1];
		HttpResponse<String> response = send(post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(send(request("/").GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void bodyAtTheLimitIsRead() throws Exception {
		byte[] body = new byte[RequestBody.LIMIT];
		Arrays.fill(body, (byte) 'a');
		assertNotFound(send(post(BodyPublishers.ofByteArray(body))));
	}

	@Test
	void closeStopsListening() throws Exception {
		int port = this.server.port();
		this.server.close();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build();
		org.assertj.core.api.Assertions.assertThatIOException()
			.isThrownBy(() -> HttpClient.newHttpClient().send(request, BodyHandlers.ofString()));
	}

	private void assertNotFound(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("<UnknownOperationException/>\n");
		assertThat(header(response, "x-amz-crc32")).isEqualTo("3552371480");
		assertThat(header(response, "Content-Length")).isEqualTo("29");
		assertThat(header(response, "x-amzn-RequestId")).matches("[0-9A-Z]{52}");
	}

	private void assertIncomplete(HttpResponse<String> response, String message, long crc32) {
		assertJsonError(response, "{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\","
				+ "\"message\":" + new String(Json.write(message), StandardCharsets.UTF_8) + "}", crc32,
				"application/json");
	}

	private void assertJsonError(HttpResponse<String> response, String body, long crc32, String contentType) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(body);
		assertThat(header(response, "x-amz-crc32")).isEqualTo(Long.toString(crc32));
		assertThat(header(response, "Content-Type")).isEqualTo(contentType);
		assertThat(header(response, "Content-Length"))
			.isEqualTo(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
		assertThat(header(response, "x-amzn-RequestId")).matches("[0-9A-Z]{52}");
	}

	private static long crc32(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.server.port() + path));
	}

	private HttpRequest.Builder post(String body) {
		return post(body, "/");
	}

	private HttpRequest.Builder post(String body, String path) {
		return request(path).POST(BodyPublishers.ofString(body));
	}

	private HttpRequest.Builder post(BodyPublisher body) {
		return request("/").POST(body);
	}

	private static HttpRequest.Builder target(HttpRequest.Builder request) {
		return request.header("X-Amz-Target", "DynamoDB_20120810.ListTables");
	}

	private static HttpRequest.Builder signed(HttpRequest.Builder request, String operation) {
		return request.header("X-Amz-Target", "DynamoDB_20120810." + operation)
			.header("Content-Type", "application/json")
			.header("X-Amz-Date", "20261205T000000Z")
			.header("Authorization", SIGNATURE);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

}
