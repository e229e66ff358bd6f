package io.dynamodown.sample;

import java.net.http.HttpResponse;

import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When DynamoDB cannot be reached, the application answers 503 with the store's error
 * code and a message that names no internal host or port; the cause goes to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dynamodown.embedded.enabled=false")
@DirtiesContext
class StoreFailureTests {

	private static final EmbeddedDynamoDb server = EmbeddedDynamoDb.start();

	@LocalServerPort
	private int port;

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void unreachableDynamoDbIsA503WithTheCodeAndNoEndpoint(CapturedOutput output) throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		assertThat(http.put("/entries/before", "reachable").statusCode()).isEqualTo(200);
		String endpointPort = Integer.toString(server.port());
		server.close();
		HttpResponse<String> response = http.put("/entries/after", "unreachable");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"code\":\"REQUEST_FAILED\"")
			.contains("the server log has the cause")
			.doesNotContain("127.0.0.1")
			.doesNotContain("localhost")
			.doesNotContain(endpointPort);
		assertThat(output).contains("ERROR").contains("Store request failed").contains("REQUEST_FAILED: PutItem");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UnplugableDynamoDb {

		@Bean
		DynamoDbClient dynamoDbClient() {
			// one attempt: the test is about the answer, not about the SDK's retries
			return server.clientBuilder()
				.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
				.build();
		}

	}

}
