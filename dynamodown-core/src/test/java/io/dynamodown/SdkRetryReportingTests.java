package io.dynamodown;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.metrics.RetryEvent;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Retries made by the SDK's own retry strategy inside one call are reported to the
 * listener, with the outcome of each retried attempt.
 */
class SdkRetryReportingTests {

	private static final String THROTTLED_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
			+ "ProvisionedThroughputExceededException\",\"message\":\"injected\"}";

	@Test
	void throttledAttemptsRetriedByTheSdkAreReportedAsRetries() {
		AtomicInteger throttlesLeft = new AtomicInteger(2);
		RecordingListener listener = new RecordingListener();
		try (DynamoDbClient client = throttlingClient(throttlesLeft);
				LevelDb db = LevelDb.builder(client).table(LocalDynamo.freshTable()).listener(listener).open()) {
			listener.reset();
			db.put(utf8("a"), utf8("1"));
			assertThat(throttlesLeft).hasValue(0);
			assertThat(listener.requests()).singleElement()
				.satisfies((event) -> assertThat(event.outcome()).isEqualTo(RequestOutcome.SUCCESS));
			assertThat(listener.retries()).extracting(RetryEvent::operation, RetryEvent::attempt, RetryEvent::reason)
				.containsExactly(tuple("PutItem", 2, RequestOutcome.THROTTLED),
						tuple("PutItem", 3, RequestOutcome.THROTTLED));
			assertThat(db.get(utf8("a"))).isPresent();
		}
	}

	/**
	 * A client whose first PutItem answers are turned into DynamoDB's throttling error,
	 * as the SDK receives it from the wire.
	 */
	private static DynamoDbClient throttlingClient(AtomicInteger throttlesLeft) {
		ExecutionInterceptor throttle = new ExecutionInterceptor() {

			@Override
			public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
					ExecutionAttributes attributes) {
				if (isThrottled(context)) {
					return context.httpResponse().toBuilder().statusCode(400).build();
				}
				return context.httpResponse();
			}

			@Override
			public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
					ExecutionAttributes attributes) {
				if (isThrottled(context) && throttlesLeft.getAndDecrement() > 0) {
					return Optional.of(new ByteArrayInputStream(THROTTLED_BODY.getBytes(StandardCharsets.UTF_8)));
				}
				return context.responseBody();
			}

			private boolean isThrottled(Context.ModifyHttpResponse context) {
				return context.request() instanceof PutItemRequest && throttlesLeft.get() > 0;
			}

		};
		return DynamoDbClient.builder()
			.endpointOverride(LocalDynamo.server().endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.overrideConfiguration((c) -> c.addExecutionInterceptor(throttle)
				.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
					.toBuilder()
					.maxAttempts(4)
					.circuitBreakerEnabled(false)
					.backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
					.throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
					.build()))
			.build();
	}

}
