package io.dynamodown;

import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import io.dynamodown.table.Billing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LevelDb#tableStatus()} and the builder's checks made as options are given.
 */
class TableStatusTests {

	@Test
	void tableStatusIsOneDescribeTableThroughTheStore() {
		RecordingListener listener = new RecordingListener();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(LocalDynamo.freshTable())
			.listener(listener)
			.open()) {
			listener.reset();
			assertThat(db.tableStatus()).isEqualTo("ACTIVE");
			assertThat(db.sublevel("s").tableStatus()).isEqualTo("ACTIVE");
			assertThat(listener.count("DescribeTable")).isEqualTo(2);
			assertThat(listener.total()).isEqualTo(2);
		}
	}

	@Test
	void tableStatusOfADeletedTableIsTableMissing() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client()).table(table).open()) {
			LocalDynamo.client().deleteTable((request) -> request.tableName(table));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(db::tableStatus)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TABLE_MISSING))
				.withMessageContaining(table);
		}
	}

	@Test
	void tableStatusOfAClosedStoreIsRefused() {
		LevelDb db = LevelDb.builder(LocalDynamo.client()).table(LocalDynamo.freshTable()).open();
		db.close();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(db::tableStatus)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
	}

	@Test
	void invalidTableAndHashKeyAreRefusedWhenGiven() {
		LevelDbBuilder builder = LevelDb.builder(LocalDynamo.client());
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> builder.table("ab"))
			.withMessageContaining("3 to 255 characters of [a-zA-Z0-9_.-], was 'ab'");
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> builder.hashKey(""))
			.withMessageContaining("hash key must be 1 to 2048 bytes");
	}

	@Test
	void billingNamesTheCapacityThatBreaksItsRule() {
		assertThat(Billing.of(null, null)).isEqualTo(Billing.ON_DEMAND);
		assertThat(Billing.of(3L, 4L)).isEqualTo(Billing.provisioned(3, 4));
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LevelDbOptions.builder().billing(Billing.of(-1L, null)))
			.withMessage("INVALID_ARGUMENT: billing.readCapacity must not be negative, was -1");
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> LevelDbOptions.builder().billing(Billing.of(5L, null)))
			.withMessage("INVALID_ARGUMENT: billing.writeCapacity must be at least 1 for provisioned billing, was 0");
	}

}
