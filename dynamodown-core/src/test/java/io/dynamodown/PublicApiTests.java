package io.dynamodown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API shows no internal type and no AWS SDK type but the
 * {@link DynamoDbClient} and the {@link DynamoDbStreamsClient} given to the builder.
 */
class PublicApiTests {

	private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

	@Test
	void publicSignaturesUseNoInternalOrSdkModelType() throws Exception {
		List<String> leaks = new ArrayList<>();
		List<Class<?>> types = apiTypes();
		assertThat(types).contains(LevelDb.class, Range.class, LevelDbBuilder.class);
		for (Class<?> type : types) {
			for (Method method : type.getMethods()) {
				if (method.getDeclaringClass() != type) {
					continue;
				}
				List<Type> used = new ArrayList<>(List.of(method.getGenericParameterTypes()));
				used.add(method.getGenericReturnType());
				for (Type usedType : used) {
					String name = usedType.getTypeName();
					if (name.contains("io.dynamodown.internal")
							|| (name.contains("software.amazon.awssdk") && !name.equals(DynamoDbClient.class.getName())
									&& !name.equals(DynamoDbStreamsClient.class.getName()))) {
						leaks.add(type.getSimpleName() + "." + method.getName() + ": " + name);
					}
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void publicTypesOutsideTheInternalTreeAreTheApi() throws Exception {
		assertThat(apiTypes()).extracting(Class::getName)
			.containsExactlyInAnyOrder("io.dynamodown.Batch", "io.dynamodown.Change", "io.dynamodown.Compression",
					"io.dynamodown.Entry", "io.dynamodown.Subscription", "io.dynamodown.changes.StartPosition",
					"io.dynamodown.changes.SubscriptionOptions", "io.dynamodown.metrics.ChangesLostEvent",
					"io.dynamodown.ErrorCode", "io.dynamodown.InvalidOptionException", "io.dynamodown.LevelDb",
					"io.dynamodown.LevelDbBuilder", "io.dynamodown.LevelDbOptions", "io.dynamodown.LevelDbException",
					"io.dynamodown.LevelIterator", "io.dynamodown.Range", "io.dynamodown.WritesIncompleteException",
					"io.dynamodown.ShardCountMismatchException", "io.dynamodown.codec.Codec",
					"io.dynamodown.codec.TypedLevelDb", "io.dynamodown.codec.TypedRange", "io.dynamodown.iq80.Iq80Db",
					"io.dynamodown.metrics.MalformedItemEvent", "io.dynamodown.metrics.RequestEvent",
					"io.dynamodown.metrics.RequestListener", "io.dynamodown.metrics.RequestOutcome",
					"io.dynamodown.metrics.RetryEvent", "io.dynamodown.metrics.RetryReason",
					"io.dynamodown.observation.DefaultStoreObservationConvention",
					"io.dynamodown.observation.StoreObservationContext",
					"io.dynamodown.observation.StoreObservationConvention",
					"io.dynamodown.observation.StoreObservationDocumentation", "io.dynamodown.retry.RetryPolicy",
					"io.dynamodown.table.AttributeNames", "io.dynamodown.table.Billing");
	}

	private static List<Class<?>> apiTypes() throws ClassNotFoundException {
		List<Class<?>> types = new ArrayList<>();
		for (String name : sourceTypeNames()) {
			Class<?> type = Class.forName(name, false, PublicApiTests.class.getClassLoader());
			if (Modifier.isPublic(type.getModifiers())) {
				types.add(type);
			}
		}
		return types;
	}

	private static List<String> sourceTypeNames() {
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			return files.map((file) -> MAIN_SOURCES.relativize(file).toString())
				.filter((file) -> file.endsWith(".java") && !file.endsWith("package-info.java"))
				.map((file) -> file.substring(0, file.length() - ".java".length()).replace('/', '.'))
				.filter((name) -> !name.startsWith("io.dynamodown.internal."))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
