package io.dynamodown.boot.test.context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.LevelDb;
import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import io.dynamodown.boot.autoconfigure.embedded.EmbeddedDynamoDbAutoConfiguration;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that two test contexts enabling the embedded server share one server per JVM,
 * each with a database of its own.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedEmbeddedDynamoDbTests {

	private static final List<EmbeddedDynamoDb> servers = new ArrayList<>();

	private static final List<LevelDb> stores = new ArrayList<>();

	private static final List<String> accessKeyIds = new ArrayList<>();

	@AfterAll
	static void bothContextsUsedOneServerWithTheirOwnDatabases() {
		assertThat(servers).hasSize(2);
		assertThat(servers.get(1)).isSameAs(servers.get(0));
		assertThat(accessKeyIds).hasSize(2).doesNotHaveDuplicates();
		assertThat(stores).extracting(LevelDb::table).containsExactly("shared", "shared");
		assertThat(stores).extracting(LevelDb::hashKey).containsExactly("!", "!");
	}

	@Nested
	@Order(1)
	@SpringBootTest(classes = TestApplication.class,
			properties = { "dynamodown.embedded.enabled=true", "dynamodown.table=shared" })
	class FirstContext {

		@Test
		void writesItsOwnKey(@Autowired EmbeddedDynamoDb server, @Autowired LevelDb db,
				@Autowired DynamoDbConnectionDetails details) {
			servers.add(server);
			accessKeyIds.add(details.getCredentials().accessKeyId());
			stores.add(db);
			db.put(bytes("owner"), bytes("first"));
			assertThat(db.get(bytes("owner")))
				.hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("first")));
		}

	}

	@Nested
	@Order(2)
	@SpringBootTest(classes = TestApplication.class, properties = { "dynamodown.embedded.enabled=true",
			"dynamodown.table=shared", "dynamodown.read-ahead=false" })
	class SecondContext {

		@Test
		void doesNotSeeTheFirstContextsKey(@Autowired EmbeddedDynamoDb server, @Autowired LevelDb db,
				@Autowired DynamoDbConnectionDetails details) {
			servers.add(server);
			accessKeyIds.add(details.getCredentials().accessKeyId());
			stores.add(db);
			assertThat(db.get(bytes("owner"))).isEmpty();
		}

	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class })
	static class TestApplication {

	}

}
