package io.dynamodown.server.internal.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streams package knows attribute values and the error type of the server, nothing of
 * its tables or protocol: the engine hands it keys, images and times, so that streams
 * stay apart from the code the other operations change.
 */
class StreamDependencyTests {

	private static final Path SOURCES = Path.of("src/main/java/io/dynamodown/server/internal/stream");

	@Test
	void importsOfTheServerAreAttributeValuesAndTheErrorTypeOnly() throws IOException {
		assertThat(SOURCES).isDirectory();
		List<String> imports;
		try (Stream<Path> files = Files.list(SOURCES)) {
			imports = files.flatMap(StreamDependencyTests::lines)
				.filter((line) -> line.startsWith("import io.dynamodown."))
				.distinct()
				.toList();
		}
		assertThat(imports).containsOnly("import io.dynamodown.server.internal.error.DynamoDbError;",
				"import io.dynamodown.server.internal.model.AttributeValue;",
				"import io.dynamodown.server.internal.model.ItemSize;");
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
