package io.dynamodown.server.internal.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol layer knows the server's error type and nothing else of the server: the
 * engine reaches it only through {@link RequestExecutor}, so that other executors
 * (DynamoDB Streams) plug in the same way.
 */
class ProtocolDependencyTests {

	private static final Path SOURCES = Path.of("src/main/java/io/dynamodown/server/internal/protocol");

	@Test
	void importsOfTheServerAreTheErrorTypeOnly() throws IOException {
		assertThat(SOURCES).isDirectory();
		List<String> imports;
		try (Stream<Path> files = Files.list(SOURCES)) {
			imports = files.flatMap(ProtocolDependencyTests::lines)
				.filter((line) -> line.startsWith("import io.dynamodown."))
				.distinct()
				.collect(Collectors.toList());
		}
		assertThat(imports).containsOnly("import io.dynamodown.server.internal.error.DynamoDbError;");
	}

	private static Stream<String> lines(Path file) {
		try {
			return Files.readAllLines(file).stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
