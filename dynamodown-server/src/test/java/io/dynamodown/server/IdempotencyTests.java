package io.dynamodown.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.dynamodown.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Idempotent transactions, as the API Reference of {@code TransactWriteItems} documents
 * {@code ClientRequestToken}: a repeat within 10 minutes is answered without being
 * applied again, a token used with other parameters is refused, and after 10 minutes the
 * token is new again.
 */
class IdempotencyTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private DynamoDbServer server;

	private DynamoDbClient client;

	@BeforeEach
	void start() {
		this.server = DynamoDbServer.builder().clock(this.clock).start();
		this.client = TestClients.of(this.server);
		TestClients.createKeyTable(this.client, "counters");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	private void increment(String token, String by) {
		this.client.transactWriteItems((request) -> request.clientRequestToken(token)
			.transactItems((action) -> action.update((update) -> update.tableName("counters")
				.key(Map.of("k", AttributeValue.fromS("c")))
				.updateExpression("ADD n :by")
				.expressionAttributeValues(Map.of(":by", AttributeValue.fromN(by))))));
	}

	private String counter() {
		return this.client
			.getItem((request) -> request.tableName("counters").key(Map.of("k", AttributeValue.fromS("c"))))
			.item()
			.get("n")
			.n();
	}

	@Test
	void aRepeatWithinTenMinutesIsNotAppliedAgain() {
		increment("token", "1");
		this.clock.set(START.plus(Duration.ofMinutes(9)));
		increment("token", "1");
		assertThat(counter()).isEqualTo("1");
	}

	@Test
	void aTokenUsedWithOtherParametersIsRefused() {
		increment("token", "1");
		assertThatExceptionOfType(IdempotentParameterMismatchException.class).isThrownBy(() -> increment("token", "2"));
		assertThat(counter()).isEqualTo("1");
	}

	@Test
	void afterTenMinutesTheTokenIsNewAgain() {
		increment("old", "1");
		for (int i = 0; i < 1000; i++) {
			this.clock.set(START.plusMillis(i));
			increment("token-" + i, "1");
		}
		this.clock.set(START.plus(Duration.ofMinutes(10)).plusSeconds(1));
		increment("old", "1");
		assertThat(counter()).isEqualTo("1002");
	}

}
