package io.dynamodown.boot;

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
 * The shape of the starter's main sources, read from their {@code package} and
 * {@code import} lines: everything under one root of its own, the things usable without
 * auto-configuration apart from their wiring, no cycles, and only the core's public API.
 */
class PackageDependencyTests {

	private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

	private static final String BASE = "io.dynamodown";

	private static final String ROOT = BASE + ".boot";

	private static final String AUTOCONFIGURE = ROOT + ".autoconfigure";

	/**
	 * The packages that held the starter's types before they moved under {@link #ROOT};
	 * they keep deprecated aliases until those are removed.
	 */
	private static final List<String> FORMER_PACKAGES = List.of(BASE + ".autoconfigure", BASE + ".autoconfigure.cache",
			BASE + ".autoconfigure.health", BASE + ".autoconfigure.metrics", BASE + ".cache", BASE + ".health");

	@Test
	void everyTypeIsUnderTheStartersRootOrADeprecatedAliasInAFormerPackage() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String source = contents(file);
				String name = packageOf(source);
				if (!name.startsWith(ROOT + ".")) {
					assertThat(FORMER_PACKAGES).as("package of %s", file).contains(name);
					if (!file.endsWith("package-info.java")) {
						int deprecated = source.indexOf("\n@Deprecated(since = \"0.1.0\", forRemoval = true)\n");
						assertThat(deprecated).as("deprecation of %s", file)
							.isPositive()
							.isLessThan(source.indexOf("\npublic "));
					}
				}
			});
		}
	}

	@Test
	void starterPackagesHaveNoCycles() {
		Map<String, Set<String>> starter = new TreeMap<>();
		dependencies().forEach((from, to) -> {
			if (from.startsWith(ROOT + ".")) {
				starter.put(from, to);
			}
		});
		assertThat(starter).containsKeys(AUTOCONFIGURE, ROOT + ".cache", ROOT + ".health", ROOT + ".micrometer");
		assertThat(PackageDependencies.cycles(starter)).isEmpty();
	}

	@Test
	void whatIsUsableWithoutAutoConfigurationDoesNotDependOnIt() {
		Map<String, Set<String>> dependencies = dependencies();
		for (String capability : List.of(ROOT + ".cache", ROOT + ".health", ROOT + ".micrometer")) {
			assertThat(dependencies.get(capability)).as("dependencies of %s", capability)
				.noneMatch((name) -> name.equals(AUTOCONFIGURE) || name.startsWith(AUTOCONFIGURE + "."));
		}
	}

	@Test
	void autoConfigurationRootDoesNotDependOnTheConcernsBuiltOnIt() {
		assertThat(dependencies().get(AUTOCONFIGURE)).noneMatch((name) -> name.startsWith(AUTOCONFIGURE + "."));
	}

	@Test
	void starterReachesTheDeprecatedAliasesOnlyThroughTheOldConnectionDetails() {
		PackageDependencies.imports(MAIN_SOURCES).forEach((from, imported) -> {
			if (from.startsWith(ROOT + ".")) {
				assertThat(imported).as("imports of %s", from)
					.filteredOn((name) -> FORMER_PACKAGES.contains(PackageDependencies.packageOf(name)))
					.allMatch((name) -> name.equals(BASE + ".autoconfigure.LevelDbConnectionDetails"));
			}
		});
	}

	@Test
	void starterUsesOnlyThePublicApiOfTheCoreAndTheEmbeddedServer() {
		dependencies().forEach((from, to) -> assertThat(to).as("dependencies of %s", from)
			.noneMatch((name) -> name.contains(".internal")));
	}

	private static Map<String, Set<String>> dependencies() {
		return PackageDependencies.dependencies(MAIN_SOURCES, BASE);
	}

	private static String packageOf(String source) {
		int start = source.indexOf("\npackage ") + "\npackage ".length();
		return source.substring(start, source.indexOf(';', start));
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
