package io.dynamodown.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.dynamodown.LevelDb;
import io.dynamodown.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that two test contexts enabling the embedded server share one server per JVM,
 * each under a hash key of its own.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedEmbeddedDynamoDbTests {

	private static final List<EmbeddedDynamoDb> servers = new ArrayList<>();

	private static final List<LevelDb> stores = new ArrayList<>();

	@AfterAll
	static void bothContextsUsedOneServerAndTheirOwnData() {
		assertThat(servers).hasSize(2);
		assertThat(servers.get(1)).isSameAs(servers.get(0));
		assertThat(stores.get(0).hashKey()).isNotEqualTo(stores.get(1).hashKey());
		assertThat(stores.get(0).table()).isEqualTo(stores.get(1).table());
	}

	@Nested
	@Order(1)
	@SpringBootTest(classes = TestApplication.class,
			properties = { "dynamodown.embedded.enabled=true", "dynamodown.table=shared" })
	class FirstContext {

		@Test
		void writesItsOwnKey(@Autowired EmbeddedDynamoDb server, @Autowired LevelDb db) {
			servers.add(server);
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
		void doesNotSeeTheFirstContextsKey(@Autowired EmbeddedDynamoDb server, @Autowired LevelDb db) {
			servers.add(server);
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
