package io.dynamodown.internal.changes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.limit.Limits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The names of a consumer's records, and the consumer name's rule.
 */
class FeedNamesTests {

	@Test
	void recordsOfTheRootSitUnderTheirFormatByteAndAsciiName() {
		FeedNames names = new FeedNames("indexer", new byte[0]);
		assertThat(names.shard("shardId-1")[0]).isEqualTo((byte) 0x02);
		assertThat(ascii(names.shard("shardId-1"))).isEqualTo("changes/indexer/-/shard/shardId-1");
		assertThat(ascii(names.member("m-1"))).isEqualTo("changes/indexer/-/member/m-1");
		assertThat(ascii(names.consumerRecord())).isEqualTo("changes/indexer/-/consumer");
	}

	@Test
	void aSublevelIsAConsumerOfItsOwnWithinTheSortKeyLimit() {
		FeedNames root = new FeedNames("indexer", new byte[0]);
		FeedNames sublevel = new FeedNames("indexer", "!users!".getBytes(StandardCharsets.UTF_8));
		FeedNames longest = new FeedNames("x".repeat(FeedNames.MAX_CONSUMER_LENGTH), new byte[Limits.MAX_KEY_BYTES]);
		assertThat(ascii(sublevel.base())).startsWith("changes/indexer/").isNotEqualTo(ascii(root.base()));
		assertThat(longest.shard("shardId-" + "0".repeat(57)).length).isLessThanOrEqualTo(1024);
	}

	@Test
	void recordNamesAreReadBack() {
		FeedNames names = new FeedNames("indexer", new byte[0]);
		assertThat(names.nameOf(names.shard("s-1"))).isEqualTo(new FeedNames.Named(true, "s-1"));
		assertThat(names.nameOf(names.member("m-1"))).isEqualTo(new FeedNames.Named(false, "m-1"));
		assertThat(names.nameOf(names.consumerRecord())).isNull();
		assertThat(names.nameOf(new FeedNames("other", new byte[0]).shard("s-1"))).isNull();
	}

	@Test
	void consumerNamesFollowTheirRule() {
		assertThat(FeedNames.checkConsumer("a.b-c_9")).isEqualTo("a.b-c_9");
		for (String bad : new String[] { "", "a/b", "naïve", "x".repeat(FeedNames.MAX_CONSUMER_LENGTH + 1) }) {
			assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> FeedNames.checkConsumer(bad))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
				.withMessageContaining("1 to 128 characters");
		}
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> FeedNames.checkConsumer(null))
			.withMessageEndingWith("was null");
		assertThatExceptionOfType(StoreFailure.class)
			.isThrownBy(() -> FeedNames.checkConsumer("x".repeat(FeedNames.MAX_CONSUMER_LENGTH + 1)))
			.withMessageEndingWith("was 129 characters");
	}

	private static String ascii(byte[] sortKey) {
		return new String(Arrays.copyOfRange(sortKey, 1, sortKey.length), StandardCharsets.US_ASCII);
	}

}
