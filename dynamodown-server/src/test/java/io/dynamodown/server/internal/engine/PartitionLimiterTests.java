package io.dynamodown.server.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How the partition limits admit the demands of one request: all together, one by one for
 * batches, per partition-key value of a table, counting each held-back request once.
 */
class PartitionLimiterTests {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Table table = table("t");

	@Test
	void demandsOnOnePartitionAddUpAndAreAdmittedAllOrNone() {
		PartitionLimiter limiter = new PartitionLimiter(this.clock, 0, 4);
		limiter.admit(write("a", 1));
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> limiter.admit(List.of(write("a", 2), write("b", 1), write("a", 2))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("ProvisionedThroughputExceededException"));
		limiter.admit(List.of(write("a", 3), write("b", 4)));
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> limiter.admit(write("a", 0.5)));
		assertThat(limiter.throttledRequests()).isEqualTo(2);
	}

	@Test
	void aDemandLargerThanTheCapIsAdmittedAloneOnAFullPartition() {
		PartitionLimiter limiter = new PartitionLimiter(this.clock, 0, 2);
		limiter.admit(List.of(write("a", 2), write("a", 3)));
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> limiter.admit(write("a", 0.5)));
	}

	@Test
	void batchesAreAdmittedOneByOneAndFailWholeWhenNothingIsAdmitted() {
		PartitionLimiter limiter = new PartitionLimiter(this.clock, 3, 0);
		assertThat(limiter.admitEach(List.of(read("a", 2), read("a", 2), read("b", 1), read("a", 1))))
			.containsExactly(true, false, true, true);
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> limiter.admitEach(List.of(read("a", 1), read("a", 0.5))));
		assertThat(limiter.admitEach(List.of())).isEmpty();
		assertThat(limiter.throttledRequests()).isEqualTo(2);
	}

	@Test
	void aTransactionIsCancelledWithAReasonPerAction() {
		PartitionLimiter limiter = new PartitionLimiter(this.clock, 0, 4);
		limiter.admit(write("b", 1));
		assertThatExceptionOfType(DynamoDbError.class)
			.isThrownBy(() -> limiter.admitTransaction(List.of(write("a", 2), write("b", 2), write("b", 2))))
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo("TransactionCanceledException");
				List<?> reasons = (List<?>) ex.extra().get("CancellationReasons");
				assertThat(reasons).extracting((reason) -> (Object) ((Map<?, ?>) reason).get("Code"))
					.containsExactly("None", "ThrottlingError", "ThrottlingError");
			});
		limiter.admitTransaction(List.of(write("a", 4), write("b", 3)));
	}

	@Test
	void aKindWithoutCapAndFreeDemandsAreNeverThrottled() {
		PartitionLimiter limiter = new PartitionLimiter(this.clock, 0, 1);
		for (int i = 0; i < 100; i++) {
			limiter.admit(read("a", 1000));
		}
		limiter.admit(write("a", 1));
		limiter.admit(write("a", 0));
		assertThat(limiter.limitsReads()).isFalse();
		assertThat(limiter.throttledRequests()).isZero();
	}

	@Test
	void tablesHaveBucketsOfTheirOwn() {
		PartitionLimiter limiter = new PartitionLimiter(this.clock, 0, 1);
		limiter.admit(write("a", 1));
		limiter.admit(PartitionLimiter.Demand.read(table("u"), AttributeValue.s("a"), 1).twice());
		limiter.admit(new PartitionLimiter.Demand(table("u"), AttributeValue.s("a"), true, 1));
	}

	@Test
	void aPartitionInDebtIsRememberedWhileIdleOnesAreForgotten() {
		SettableClock settable = new SettableClock();
		PartitionLimiter limiter = new PartitionLimiter(settable, 0, 1);
		limiter.admit(write("hot", 10));
		for (int i = 0; i < 5000; i++) {
			limiter.admit(write("idle" + i, 0.5));
		}
		settable.now = NOW.plusSeconds(2);
		for (int i = 0; i < 5000; i++) {
			limiter.admit(write("later" + i, 0.5));
		}
		assertThatExceptionOfType(DynamoDbError.class).as("8 of the 10 units owed are still owed")
			.isThrownBy(() -> limiter.admit(write("hot", 1)));
		assertThatExceptionOfType(DynamoDbError.class).isThrownBy(() -> limiter.admit(write("later0", 1)));
		limiter.admit(write("idle0", 1));
	}

	@Test
	void capsMustNotBeNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PartitionLimiter(this.clock, -1, 0))
			.withMessageContaining("-1 read");
		assertThatIllegalArgumentException().isThrownBy(() -> new PartitionLimiter(this.clock, 0, -2))
			.withMessageContaining("-2 write");
	}

	private PartitionLimiter.Demand write(String partition, double units) {
		return new PartitionLimiter.Demand(this.table, AttributeValue.s(partition), true, units);
	}

	private PartitionLimiter.Demand read(String partition, double units) {
		return PartitionLimiter.Demand.read(this.table, AttributeValue.s(partition), units);
	}

	/**
	 * A clock the test moves.
	 */
	private static final class SettableClock extends Clock {

		private Instant now = NOW;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private static Table table(String name) {
		Map<String, Object> request = Map.of("TableName", name, "AttributeDefinitions",
				List.of(Map.of("AttributeName", "k", "AttributeType", "S")), "KeySchema",
				List.of(Map.of("AttributeName", "k", "KeyType", "HASH")), "BillingMode", "PAY_PER_REQUEST");
		return new Table(TableDefinition.of(request), NOW, NOW);
	}

}
