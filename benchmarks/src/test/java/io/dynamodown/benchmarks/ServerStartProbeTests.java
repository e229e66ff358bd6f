package io.dynamodown.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ServerStartProbe.Reading}.
 */
class ServerStartProbeTests {

	@Test
	void aReadingReadsBackFromItsLine() {
		ServerStartProbe.Reading reading = new ServerStartProbe.Reading(408_000_000L, 491_000_000L);
		assertThat(reading.line()).isEqualTo("server-start start-ns=408000000 first-answer-ns=491000000");
		assertThat(ServerStartProbe.Reading.parse(reading.line())).contains(reading);
	}

	@Test
	void toFirstAnswerIsStartAndFirstAnswerTogether() {
		assertThat(new ServerStartProbe.Reading(408, 491).toFirstAnswerNanos()).isEqualTo(899);
	}

	@Test
	void otherLinesAreNoReading() {
		assertThat(ServerStartProbe.Reading.parse("[main] INFO com.example - started")).isEmpty();
		assertThat(ServerStartProbe.Reading.parse("")).isEmpty();
		assertThat(ServerStartProbe.Reading.parse("server-started in 3 ms")).isEmpty();
	}

	@Test
	void refusesALineThatStartsLikeAReadingButIsNotOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServerStartProbe.Reading.parse("server-start start-ns=1"))
			.withMessageContaining("not a reading");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServerStartProbe.Reading.parse("server-start start-ns=1 first-answer-ns=x"))
			.withMessageContaining("not a reading");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServerStartProbe.Reading.parse("server-start start-ns=1 first-answer-ns=2 extra"))
			.withMessageContaining("not a reading");
	}

}
