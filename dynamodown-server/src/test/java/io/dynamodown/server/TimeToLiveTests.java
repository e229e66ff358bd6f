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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Time to live as the DynamoDB Developer Guide's "Using time to live (TTL)" pages
 * document it: an item whose TTL attribute (a Number of epoch seconds) has passed is
 * deleted by a background job and stays readable until then; items whose TTL attribute is
 * not a Number, or lies more than five years in the past, are left alone.
 */
class TimeToLiveTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private DynamoDbServer server;

	private DynamoDbClient client;

	@BeforeEach
	void start() {
		this.server = DynamoDbServer.builder().clock(this.clock).start();
		this.client = TestClients.of(this.server);
		TestClients.createKeyTable(this.client, "ttl");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void timeToLiveIsDescribedOnceEnabled() {
		assertThat(this.client.describeTimeToLive((request) -> request.tableName("ttl"))
			.timeToLiveDescription()
			.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
		this.client.updateTimeToLive((request) -> request.tableName("ttl")
			.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)));
		var description = this.client.describeTimeToLive((request) -> request.tableName("ttl")).timeToLiveDescription();
		assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
		assertThat(description.attributeName()).isEqualTo("expires");
	}

	@Test
	void anotherAttributeCannotBeEnabledWhileOneIsActive() {
		this.client.updateTimeToLive((request) -> request.tableName("ttl")
			.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)));
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> this.client.updateTimeToLive((request) -> request.tableName("ttl")
				.timeToLiveSpecification((spec) -> spec.attributeName("other").enabled(true))))
			.withMessageContaining("TimeToLive is active on a different AttributeName");
	}

	@Test
	void expiredItemsStayReadableUntilTheSweepDeletesThem() {
		this.client.updateTimeToLive((request) -> request.tableName("ttl")
			.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)));
		put("soon", AttributeValue.fromN(Long.toString(START.plusSeconds(60).getEpochSecond())));
		put("later", AttributeValue.fromN(Long.toString(START.plusSeconds(3600).getEpochSecond())));
		put("text", AttributeValue.fromS(Long.toString(START.getEpochSecond())));
		put("ancient", AttributeValue.fromN(Long.toString(START.minus(Duration.ofDays(6 * 365)).getEpochSecond())));
		this.clock.set(START.plusSeconds(61));
		assertThat(exists("soon")).as("readable until deleted").isTrue();
		assertThat(this.server.expireItems()).isEqualTo(1);
		assertThat(exists("soon")).isFalse();
		assertThat(exists("later")).isTrue();
		assertThat(exists("text")).isTrue();
		assertThat(exists("ancient")).isTrue();
	}

	private void put(String key, AttributeValue expires) {
		this.client.putItem(
				(request) -> request.tableName("ttl").item(Map.of("k", AttributeValue.fromS(key), "expires", expires)));
	}

	private boolean exists(String key) {
		return this.client.getItem(
				(request) -> request.tableName("ttl").key(Map.of("k", AttributeValue.fromS(key))).consistentRead(true))
			.hasItem();
	}

}
