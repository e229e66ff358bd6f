package io.dynamodown.boot.autoconfigure.embedded;

import java.nio.charset.StandardCharsets;

import io.dynamodown.LevelDb;
import io.dynamodown.Range;
import io.dynamodown.boot.autoconfigure.LevelDbAutoConfiguration;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the embedded server logs nothing while it answers requests, in the first
 * test context of the JVM and in the ones after it (each context initializes the logging
 * system again).
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDynamoDbQuietTests {

	@Nested
	@Order(1)
	@SpringBootTest(classes = TestApplication.class,
			properties = { "dynamodown.embedded.enabled=true", "dynamodown.table=quiet-first" })
	class FirstContext {

		@Test
		void requestsLogNothing(@Autowired LevelDb db, CapturedOutput output) {
			assertRequestsLogNothing(db, output);
		}

	}

	@Nested
	@Order(2)
	@SpringBootTest(classes = TestApplication.class,
			properties = { "dynamodown.embedded.enabled=true", "dynamodown.table=quiet-second" })
	class SecondContext {

		@Test
		void requestsLogNothing(@Autowired LevelDb db, CapturedOutput output) {
			assertRequestsLogNothing(db, output);
		}

	}

	private static void assertRequestsLogNothing(LevelDb db, CapturedOutput output) {
		int before = output.getAll().length();
		db.put(bytes("k"), bytes("v"));
		db.get(bytes("k"));
		db.get(bytes("missing"));
		db.iterator(Range.all()).close();
		db.delete(bytes("k"));
		assertThat(output.getAll().substring(before)).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EmbeddedDynamoDbAutoConfiguration.class, LevelDbAutoConfiguration.class })
	static class TestApplication {

	}

}
