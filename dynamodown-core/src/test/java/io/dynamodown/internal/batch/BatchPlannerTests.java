package io.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.List;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import io.dynamodown.internal.layout.KeyLayout;
import io.dynamodown.internal.value.Codecs;
import io.dynamodown.internal.value.StoredValue;
import io.dynamodown.table.AttributeNames;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batch planning without a server.
 */
class BatchPlannerTests {

	private final KeyLayout layout = new KeyLayout("t", "!", AttributeNames.DEFAULT);

	@Test
	void collapseKeepsTheLastWriteOfEachKey() {
		List<WriteOp> collapsed = BatchPlanner
			.collapse(List.of(new WriteOp.Put(utf8("a"), utf8("1")), new WriteOp.Put(utf8("b"), utf8("2")),
					new WriteOp.Delete(utf8("a")), new WriteOp.Put(utf8("b"), utf8("3"))));
		assertThat(collapsed).hasSize(2);
		assertThat(collapsed.get(0)).isInstanceOf(WriteOp.Delete.class);
		assertThat(((WriteOp.Put) collapsed.get(1)).value().bytes()).isEqualTo(utf8("3"));
	}

	@Test
	void atomicLimitsNameTheLimitAndTheSize() {
		List<WriteOp> writes = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			writes.add(new WriteOp.Delete(utf8("k" + i)));
		}
		assertThatExceptionOfType(StoreFailure.class).isThrownBy(() -> BatchPlanner.checkAtomic(this.layout, writes))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.BATCH_TOO_LARGE))
			.withMessageContaining("100 distinct keys")
			.withMessageContaining("101");
		BatchPlanner.checkAtomic(this.layout, writes.subList(0, 100));
	}

	@Test
	void itemSizeCountsAttributeNamesAndValues() {
		assertThat(this.layout.itemSize(utf8("ab"), StoredValue.plain(new byte[10]), false))
			.isEqualTo(4 + 1 + 4 + 3 + 5 + 10);
		assertThat(this.layout.itemSize(utf8("ab"), new StoredValue(new byte[10], Codecs.DEFLATE), false))
			.as("with the form attribute")
			.isEqualTo(4 + 1 + 4 + 3 + 5 + 10 + 4 + 1);
	}

}
