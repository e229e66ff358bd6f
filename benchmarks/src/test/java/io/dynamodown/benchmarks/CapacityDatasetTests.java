package io.dynamodown.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CapacityDataset}.
 */
class CapacityDatasetTests {

	private static final List<byte[]> ENTRIES = List.of(bytes("{\"a\":1}"), bytes("{\"bb\":22}"), bytes("{\"c\":3}"));

	@Test
	void jsonArrayWrapsAroundTheEntriesUntilTheNextDoesNotFit() {
		assertThat(text(CapacityDataset.jsonArray(ENTRIES, 1, 40)))
			.isEqualTo("[{\"bb\":22},{\"c\":3},{\"a\":1},{\"bb\":22}]");
	}

	@Test
	void jsonArrayIsExactlyTheLimitWhenTheLastEntryFitsExactly() {
		assertThat(CapacityDataset.jsonArray(ENTRIES, 0, 19)).hasSize(19);
		assertThat(text(CapacityDataset.jsonArray(ENTRIES, 0, 18))).isEqualTo("[{\"a\":1}]");
	}

	@Test
	void jsonArrayRefusesALimitNoEntryFits() {
		assertThatIllegalArgumentException().isThrownBy(() -> CapacityDataset.jsonArray(ENTRIES, 0, 8))
			.withMessageContaining("8 bytes");
	}

	@Test
	void keysAscendInTheOrderOfTheValues() {
		assertThat(text(CapacityDataset.key(0))).isEqualTo("k00000000");
		assertThat(text(CapacityDataset.key(12345))).isEqualTo("k00012345");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
