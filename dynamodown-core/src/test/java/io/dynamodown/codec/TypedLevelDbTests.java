package io.dynamodown.codec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dynamodown.LevelDb;
import io.dynamodown.support.LocalDynamo;
import io.dynamodown.support.RecordingListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed views through codecs.
 */
class TypedLevelDbTests {

	record User(String name, int age) {
	}

	@Test
	void jsonValuesAndUtf8KeysRoundTripAndIterate() {
		try (LevelDb db = LocalDynamo.freshStore(new RecordingListener()).open()) {
			TypedLevelDb<String, User> users = TypedLevelDb.of(db, Codec.utf8(), Codec.json(User.class));
			users.put("bob", new User("Bob", 41));
			users.put("amy", new User("Amy", 37));
			users.batch().put("cat", new User("Cat", 3)).delete("bob").write();
			assertThat(users.get("amy")).contains(new User("Amy", 37));
			assertThat(users.getMany(List.of("cat", "bob"))).containsExactly(Optional.of(new User("Cat", 3)),
					Optional.empty());
			assertThat(users.iterator(users.range().gt("amy")).all())
				.containsExactly(Map.entry("cat", new User("Cat", 3)));
			assertThat(users.keys(users.range().reverse()).all()).containsExactly("cat", "amy");
			assertThat(users.sublevel("s").keys(users.range()).all()).isEmpty();
			users.bulk().put("dan", new User("Dan", 9)).put("eve", new User("Eve", 30)).write();
			assertThat(users.stream(users.range().gte("d").reverse(true)).map(Map.Entry::getKey)).containsExactly("eve",
					"dan");
		}
	}

}
