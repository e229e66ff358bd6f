package io.dynamodown.benchmarks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerThroughput}'s items.
 */
class ServerThroughputTests {

	@Test
	void writesAThousandDistinctItemsOfAboutAHundredBytes() {
		List<Map<String, AttributeValue>> items = ServerThroughput.items();
		assertThat(items).hasSize(1000);
		assertThat(items).allSatisfy((item) -> assertThat(ItemSize.of(item)).isEqualTo(104));
		assertThat(items.stream().map((item) -> item.get("rkey")).distinct()).hasSize(1000);
		assertThat(items.get(0).get("rkey").b().asByteArray()).startsWith(0x00, 'k', '0');
	}

}
