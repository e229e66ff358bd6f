package io.dynamodown.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link EmbeddedModuleMissingException}: the Maven dependency to add, or the
 * property to change.
 */
class EmbeddedModuleMissingFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedModuleMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedModuleMissingException cause) {
		return new FailureAnalysis("""
				dynamodown.embedded.enabled is true, but the embedded DynamoDB server cannot start in-process: \
				io.dynamodown:dynamodown-embedded is not on the class path.
				""", """
				Add the embedded module to your build, for development and tests:

				    <dependency>
				        <groupId>io.dynamodown</groupId>
				        <artifactId>dynamodown-embedded</artifactId>
				        <version><!-- the version of dynamodown-spring-boot-starter --></version>
				    </dependency>

				or set dynamodown.embedded.enabled=false and point the store at DynamoDB with \
				dynamodown.region (and dynamodown.endpoint for a DynamoDB-compatible server you run yourself).""",
				cause);
	}

}
