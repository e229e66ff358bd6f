package io.dynamodown.server.internal.stream;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dynamodown.server.internal.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shard's positions, pages and trimming, without a server.
 */
class ShardTests {

	private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

	private final Shard shard = new Shard("shardId-00000001796472000000-00000000", null, 10, START);

	@Test
	void anEmptyOpenShardStartsAndEndsAtItsStartingNumber() {
		assertThat(this.shard.horizon()).isEqualTo(10);
		assertThat(this.shard.latest()).isEqualTo(10);
		assertThat(this.shard.read(10, 1000, Long.MAX_VALUE)).isEmpty();
		assertThat(this.shard.readToEnd(10)).isFalse();
		assertThat(this.shard.covers(10)).isTrue();
		assertThat(this.shard.covers(11)).isFalse();
		assertThat(this.shard.covers(9)).isFalse();
	}

	@Test
	void readsTheRecordsAfterAPositionUpToALimit() {
		append(12, 0);
		append(15, 0);
		append(19, 0);
		assertThat(sequenceNumbers(this.shard.read(10, 1000, Long.MAX_VALUE))).containsExactly(12L, 15L, 19L);
		assertThat(sequenceNumbers(this.shard.read(12, 1000, Long.MAX_VALUE))).containsExactly(15L, 19L);
		assertThat(sequenceNumbers(this.shard.read(13, 1, Long.MAX_VALUE))).containsExactly(15L);
		assertThat(this.shard.read(19, 1000, Long.MAX_VALUE)).isEmpty();
		assertThat(this.shard.latest()).isEqualTo(19);
		assertThat(this.shard.covers(17)).as("a number between two records").isTrue();
	}

	@Test
	void aPageStopsBeforeTheRecordThatPassesTheByteLimitButHoldsAtLeastOne() {
		append(11, 0);
		append(12, 0);
		long size = this.shard.read(10, 1, Long.MAX_VALUE).get(0).sizeBytes();
		assertThat(this.shard.read(10, 1000, size)).hasSize(1);
		assertThat(this.shard.read(10, 1000, 2 * size)).hasSize(2);
		assertThat(this.shard.read(10, 1000, 1)).hasSize(1);
	}

	@Test
	void aClosedShardIsReadToItsEndOnceNothingFollowsThePosition() {
		append(11, 0);
		this.shard.close(20, START.plusSeconds(5));
		assertThat(this.shard.latest()).isEqualTo(20);
		assertThat(this.shard.covers(20)).isTrue();
		assertThat(this.shard.covers(21)).isFalse();
		assertThat(this.shard.readToEnd(10)).isFalse();
		assertThat(this.shard.readToEnd(11)).isTrue();
		assertThat(this.shard.closedBy(START.plusSeconds(4))).isFalse();
		assertThat(this.shard.closedBy(START.plusSeconds(5))).isTrue();
	}

	@Test
	void trimmingDropsRecordsUpToATimeAndMovesTheHorizon() {
		for (int i = 0; i < 200; i++) {
			append(11 + i, i);
		}
		this.shard.trim(START.plusSeconds(149));
		assertThat(this.shard.horizon()).isEqualTo(11 + 149);
		assertThat(this.shard.trimmedAfter(11 + 148)).isTrue();
		assertThat(this.shard.trimmedAfter(11 + 149)).isFalse();
		assertThat(sequenceNumbers(this.shard.read(this.shard.horizon(), 1000, Long.MAX_VALUE))).hasSize(50)
			.startsWith(11L + 150);
		assertThat(this.shard.records()).hasSize(50);
		assertThat(this.shard.nextTrim()).isEqualTo(START.plusSeconds(150).plus(StreamOptions.RETENTION));
	}

	private void append(long sequenceNumber, int second) {
		Map<String, AttributeValue> keys = Map.of("k", AttributeValue.s("key"));
		this.shard.append(
				StreamRecord.of(sequenceNumber, "id", "INSERT", START.plusSeconds(second), keys, keys, null, false));
	}

	private static List<Long> sequenceNumbers(List<StreamRecord> records) {
		return records.stream().map(StreamRecord::sequenceNumber).toList();
	}

}
