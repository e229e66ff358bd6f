package io.dynamodown.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that a failed startup prints the failure analysis of an invalid property, the
 * analyzers being found through {@code META-INF/spring.factories} as in an application.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisReportTests {

	@Test
	void invalidTableNameIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=x"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: dynamodown.table")
			.contains("must be 3 to 255 characters of [a-zA-Z0-9_.-]");
	}

	@Test
	void unknownBillingModeIsReportedWithTheValidValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--dynamodown.table=valid", "--dynamodown.billing-mode=free"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("dynamodown.billing-mode")
			.contains("ON_DEMAND")
			.contains("PROVISIONED");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(LevelDbAutoConfiguration.class)
	static class TestApplication {

	}

}
