package io.dynamodown.internal.changes;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which table streams the change feed can read, and what the refusal says.
 */
class StreamCheckTests {

	@Test
	void aStreamOfBothImagesIsRead() {
		TableDescription table = TableDescription.builder()
			.tableName("t")
			.streamSpecification((s) -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
			.latestStreamArn("arn:stream")
			.build();
		assertThat(StreamCheck.streamArnOf(table)).isEqualTo("arn:stream");
	}

	@Test
	void aTableWithoutAStreamIsRefusedNamingTheSettingToChange() {
		TableDescription table = TableDescription.builder().tableName("t").build();
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> StreamCheck.streamArnOf(table))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.STREAM_UNAVAILABLE))
			.withMessageContaining("table 't' has no stream")
			.withMessageContaining("StreamSpecification")
			.withMessageContaining("StreamViewType=NEW_AND_OLD_IMAGES");
	}

	@Test
	void aStreamOfAnotherViewTypeIsRefusedNamingTheViewType() {
		TableDescription table = TableDescription.builder()
			.tableName("t")
			.streamSpecification((s) -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))
			.latestStreamArn("arn:stream")
			.build();
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> StreamCheck.streamArnOf(table))
			.withMessageContaining("StreamViewType KEYS_ONLY")
			.withMessageContaining("NEW_AND_OLD_IMAGES");
	}

}
