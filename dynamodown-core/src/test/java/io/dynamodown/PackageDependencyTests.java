package io.dynamodown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.dynamodown.support.PackageDependencies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the core's main sources depend on each other without cycles, read from
 * their {@code package} and {@code import} lines.
 */
class PackageDependencyTests {

	private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

	private static final String BASE = "io.dynamodown";

	@Test
	void mainPackagesHaveNoCycles() {
		Map<String, Set<String>> dependencies = dependencies(MAIN_SOURCES);
		assertThat(dependencies).containsKeys(BASE, BASE + ".internal.storage", BASE + ".codec");
		assertThat(cycles(dependencies)).isEmpty();
	}

	@Test
	void cycleFinderFindsACycle() {
		Map<String, Set<String>> graph = new TreeMap<>();
		graph.put("a", Set.of("b"));
		graph.put("b", Set.of("c"));
		graph.put("c", Set.of("a"));
		graph.put("d", Set.of("a"));
		assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
	}

	@Test
	void internalPackagesDoNotDependOnTheApiFacade() {
		dependencies(MAIN_SOURCES).forEach((from, to) -> {
			if (from.startsWith(BASE + ".internal")) {
				assertThat(to).as("dependencies of %s", from).doesNotContain(BASE, BASE + ".codec", BASE + ".iq80");
			}
		});
	}

	@Test
	void theStoresEntryPointIsUsedByTheFacadeAlone() {
		Map<String, Set<String>> dependencies = dependencies(MAIN_SOURCES);
		assertThat(dependencies.get(BASE)).contains(BASE + ".internal.store");
		dependencies.forEach((from, to) -> {
			if (from.startsWith(BASE + ".internal")) {
				assertThat(to).as("dependencies of %s", from).doesNotContain(BASE + ".internal.store");
			}
		});
	}

	@Test
	void theFacadesOperationsReachTheInternalsOnlyThroughTheEntryPointAndTheGuard() {
		Path facade = MAIN_SOURCES.resolve("io/dynamodown");
		for (String operations : List.of("DynamoLevelDb", "CollectingBatch", "Arguments")) {
			assertThat(internalImports(facade.resolve(operations + ".java"))).as("internals %s uses", operations)
				.allMatch((name) -> name.startsWith(BASE + ".internal.store."));
		}
		for (String guard : List.of("StoreLifecycle", "Errors")) {
			assertThat(internalImports(facade.resolve(guard + ".java"))).as("internals %s uses", guard)
				.allMatch((name) -> name.startsWith(BASE + ".internal.failure.")
						|| name.startsWith(BASE + ".internal.observe."));
		}
	}

	@Test
	void optionAndListenerTypesDependOnNothingOfOurs() {
		Map<String, Set<String>> dependencies = dependencies(MAIN_SOURCES);
		for (String leaf : List.of(BASE + ".metrics", BASE + ".retry", BASE + ".table")) {
			assertThat(dependencies.get(leaf)).as("dependencies of %s", leaf).isEmpty();
		}
	}

	@Test
	void theChangeFeedsOptionsDependOnTheRetryPolicyAlone() {
		assertThat(dependencies(MAIN_SOURCES).get(BASE + ".changes")).containsExactly(BASE + ".retry");
	}

	@Test
	void theStoreDoesNotDependOnTheCodecsOrTheIq80Adapter() {
		assertThat(dependencies(MAIN_SOURCES).get(BASE)).doesNotContain(BASE + ".codec", BASE + ".iq80");
	}

	@Test
	void theCoreDoesNotDependOnTheSpringBootStarter() throws IOException {
		Map<String, Set<String>> dependencies = dependencies(MAIN_SOURCES);
		assertThat(dependencies.keySet()).noneMatch((name) -> name.startsWith(BASE + ".boot"));
		dependencies.forEach((from, to) -> assertThat(to).as("dependencies of %s", from)
			.noneMatch((name) -> name.startsWith(BASE + ".boot")));
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".java")))
				.noneMatch((file) -> contents(file).contains(BASE + ".boot."));
		}
	}

	private static Map<String, Set<String>> dependencies(Path root) {
		return PackageDependencies.dependencies(root, BASE);
	}

	private static List<List<String>> cycles(Map<String, Set<String>> graph) {
		return PackageDependencies.cycles(graph);
	}

	private static List<String> internalImports(Path file) {
		return contents(file).lines()
			.filter((line) -> line.startsWith("import " + BASE + ".internal."))
			.map((line) -> line.substring("import ".length(), line.length() - 1))
			.toList();
	}

	private static String contents(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
