package io.dynamodown;

import java.time.Duration;

import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestOutcome;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.MutableClock;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conditional writes: one request each, a failed condition is an answer (and an outcome
 * of its own), an expired key counts as absent.
 */
class ConditionalWriteTests {

	private static final Duration HOUR = Duration.ofHours(1);

	private final RecordingListener listener = new RecordingListener();

	private final MutableClock clock = MutableClock.atRealNow();

	private LevelDb db;

	@BeforeEach
	void open() {
		this.db = LocalDynamo.freshStore(this.listener).clock(this.clock).open();
		this.listener.reset();
	}

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void putIfAbsentWritesAnAbsentKeyWithOneRequest() {
		assertThat(this.db.putIfAbsent(utf8("k"), utf8("v"))).isEmpty();
		assertThat(this.listener.total()).isEqualTo(1);
		assertThat(this.listener.requests()).extracting(RequestEvent::operation, RequestEvent::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("TransactWriteItems", RequestOutcome.SUCCESS));
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("v")));
	}

	@Test
	void putIfAbsentOfAPresentKeyAnswersItsValueWithOneRequestAndWritesNothing() {
		this.db.put(utf8("k"), utf8("old"));
		this.listener.reset();
		assertThat(this.db.putIfAbsent(utf8("k"), utf8("new")))
			.hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("old")));
		assertThat(this.listener.total()).isEqualTo(1);
		assertThat(this.listener.requests()).extracting(RequestEvent::outcome)
			.containsExactly(RequestOutcome.CONDITION_FAILED);
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("old")));
	}

	@Test
	void putIfAbsentWritesOverAnExpiredKey() {
		this.db.put(utf8("k"), utf8("old"), HOUR);
		this.clock.advance(HOUR);
		assertThat(this.db.putIfAbsent(utf8("k"), utf8("new"))).isEmpty();
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("new")));
	}

	@Test
	void putIfAbsentWithATimeToLiveExpires() {
		assertThat(this.db.putIfAbsent(utf8("lease"), utf8("a"), HOUR)).isEmpty();
		assertThat(this.db.putIfAbsent(utf8("lease"), utf8("b"), HOUR))
			.hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("a")));
		this.clock.advance(HOUR);
		assertThat(this.db.get(utf8("lease"))).isEmpty();
		assertThat(this.db.putIfAbsent(utf8("lease"), utf8("b"), HOUR)).isEmpty();
	}

	@Test
	void replaceWritesOnlyOverTheExpectedValueWithOneRequestEach() {
		this.db.put(utf8("k"), utf8("1"));
		this.listener.reset();
		assertThat(this.db.replace(utf8("k"), utf8("1"), utf8("2"))).isTrue();
		assertThat(this.db.replace(utf8("k"), utf8("1"), utf8("3"))).isFalse();
		assertThat(this.db.replace(utf8("absent"), utf8("1"), utf8("3"))).isFalse();
		assertThat(this.listener.requests()).extracting(RequestEvent::operation, RequestEvent::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("TransactWriteItems", RequestOutcome.SUCCESS),
					org.assertj.core.groups.Tuple.tuple("TransactWriteItems", RequestOutcome.CONDITION_FAILED),
					org.assertj.core.groups.Tuple.tuple("TransactWriteItems", RequestOutcome.CONDITION_FAILED));
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("2")));
		assertThat(this.db.get(utf8("absent"))).isEmpty();
	}

	@Test
	void replaceWithTheValueOfAnExpiredKeyFails() {
		this.db.put(utf8("k"), utf8("1"), HOUR);
		this.clock.advance(HOUR.minusSeconds(1));
		assertThat(this.db.replace(utf8("k"), utf8("1"), utf8("2"), HOUR)).isTrue();
		this.clock.advance(HOUR);
		assertThat(this.db.replace(utf8("k"), utf8("2"), utf8("3"))).isFalse();
		assertThat(this.db.get(utf8("k"))).isEmpty();
	}

	@Test
	void deleteOfAnExpectedValueDeletesOnlyThatValueWithOneRequestEach() {
		this.db.put(utf8("k"), utf8("1"));
		this.listener.reset();
		assertThat(this.db.delete(utf8("k"), utf8("2"))).isFalse();
		assertThat(this.db.get(utf8("k"))).isPresent();
		assertThat(this.db.delete(utf8("k"), utf8("1"))).isTrue();
		assertThat(this.db.get(utf8("k"))).isEmpty();
		assertThat(this.listener.count("TransactWriteItems")).isEqualTo(2);
		assertThat(this.listener.total()).isEqualTo(4);
	}

	@Test
	void deleteOfTheValueOfAnExpiredKeyFails() {
		this.db.put(utf8("k"), utf8("1"), HOUR);
		this.clock.advance(HOUR);
		assertThat(this.db.delete(utf8("k"), utf8("1"))).isFalse();
	}

	@Test
	void aPlainPutClearsAnEarlierExpiry() {
		this.db.put(utf8("k"), utf8("1"), HOUR);
		this.db.put(utf8("k"), utf8("2"));
		this.clock.advance(HOUR.multipliedBy(2));
		assertThat(this.db.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("2")));
	}

	@Test
	void atomicBatchWithAFailingConditionNamesTheKeyAndWritesNothing() {
		this.db.put(utf8("taken"), utf8("x"));
		this.db.put(utf8("counter"), utf8("1"));
		this.listener.reset();
		Batch batch = this.db.batch()
			.put(utf8("plain"), utf8("p"))
			.replace(utf8("counter"), utf8("1"), utf8("2"))
			.putIfAbsent(utf8("taken"), utf8("y"));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(batch::write)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONDITION_FAILED))
			.withMessageContaining("[74616b656e]")
			.withMessageNotContaining("636f756e746572");
		assertThat(this.listener.requests()).extracting(RequestEvent::operation, RequestEvent::outcome)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("TransactWriteItems", RequestOutcome.CONDITION_FAILED));
		assertThat(this.db.get(utf8("plain"))).isEmpty();
		assertThat(this.db.get(utf8("counter"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("1")));
		assertThat(this.db.get(utf8("taken"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("x")));
	}

	@Test
	void atomicBatchWhoseConditionsHoldWritesEverything() {
		this.db.put(utf8("counter"), utf8("1"));
		this.db.put(utf8("gone"), utf8("g"));
		this.db.batch()
			.replace(utf8("counter"), utf8("1"), utf8("2"))
			.putIfAbsent(utf8("new"), utf8("n"))
			.delete(utf8("gone"), utf8("g"))
			.put(utf8("session"), utf8("s"), HOUR)
			.write();
		assertThat(this.db.get(utf8("counter"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("2")));
		assertThat(this.db.get(utf8("new"))).isPresent();
		assertThat(this.db.get(utf8("gone"))).isEmpty();
		this.clock.advance(HOUR);
		assertThat(this.db.get(utf8("session"))).isEmpty();
	}

	@Test
	void aConditionalBatchOfOneKeyIsOneTransaction() {
		this.db.batch().putIfAbsent(utf8("k"), utf8("v")).write();
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> this.db.batch().putIfAbsent(utf8("k"), utf8("w")).write())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONDITION_FAILED));
		assertThat(this.listener.count("TransactWriteItems")).isEqualTo(2);
		assertThat(this.listener.total()).isEqualTo(2);
	}

	@Test
	void bulkWritesRefuseConditionsBeforeAnyRequest() {
		Batch bulk = this.db.bulk();
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> bulk.putIfAbsent(utf8("k"), utf8("v")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.withMessageContaining("atomic batch");
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> bulk.replace(utf8("k"), utf8("v"), utf8("w")));
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> bulk.delete(utf8("k"), utf8("v")));
		bulk.put(utf8("k"), utf8("v"), HOUR).write();
		this.clock.advance(HOUR);
		assertThat(this.db.get(utf8("k"))).isEmpty();
		assertThat(this.listener.count("BatchWriteItem")).isEqualTo(1);
	}

	@Test
	void invalidTimesToLiveAndExpectedValuesAreRefusedBeforeAnyRequest() {
		assertInvalid(() -> this.db.put(utf8("k"), utf8("v"), Duration.ZERO), ErrorCode.INVALID_ARGUMENT, "PT0S");
		assertInvalid(() -> this.db.put(utf8("k"), utf8("v"), Duration.ofSeconds(-1)), ErrorCode.INVALID_ARGUMENT,
				"ttl must be positive");
		assertInvalid(() -> this.db.put(utf8("k"), utf8("v"), null), ErrorCode.INVALID_ARGUMENT, "was null");
		assertInvalid(() -> this.db.putIfAbsent(utf8("k"), utf8("v"), Duration.ofDays(36_526)),
				ErrorCode.INVALID_ARGUMENT, "100 years (36525 days)");
		assertInvalid(() -> this.db.replace(utf8("k"), null, utf8("v")), ErrorCode.INVALID_VALUE, "expected value");
		assertInvalid(() -> this.db.delete(utf8("k"), null), ErrorCode.INVALID_VALUE, "expected value");
		assertInvalid(() -> this.db.putIfAbsent(null, utf8("v")), ErrorCode.INVALID_KEY, "key");
		assertInvalid(() -> this.db.batch().put(utf8("k"), utf8("v"), Duration.ZERO), ErrorCode.INVALID_ARGUMENT,
				"ttl");
		assertThat(this.listener.total()).isZero();
	}

	@Test
	void clockMustNotBeNull() {
		assertInvalid(() -> LevelDb.builder(LocalDynamo.client()).clock(null), ErrorCode.INVALID_ARGUMENT, "clock");
	}

	private static void assertInvalid(Runnable call, ErrorCode code, String message) {
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code))
			.withMessageContaining(message);
	}

}
