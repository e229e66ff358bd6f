package io.dynamodown.changes;

import java.time.Duration;
import java.util.List;

import io.dynamodown.Change;
import io.dynamodown.LevelDb;
import io.dynamodown.Subscription;
import io.dynamodown.support.ChangeLog;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription delivers a database's changes, read from the embedded server's stream
 * over HTTP.
 */
class SubscribeTests {

	private static final SubscriptionOptions FAST = SubscriptionOptions.DEFAULT.withPollInterval(Duration.ofMillis(20));

	@Test
	void putsAndDeletesArriveInOrderWithTheirValues() {
		ChangeLog log = new ChangeLog();
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open();
				Subscription subscription = db.subscribe("app", FAST, log)) {
			db.put(utf8("a"), utf8("1"));
			db.put(utf8("a"), utf8("2"));
			db.delete(utf8("a"));
			List<Change> changes = log.await(3);
			assertThat(changes).extracting(ChangeLog::text).containsExactly("PUT a=1", "PUT a=2", "DELETE a");
			assertThat(changes.get(1).previousValue()).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("1")));
			assertThat(subscription.isActive()).isTrue();
		}
	}

}
