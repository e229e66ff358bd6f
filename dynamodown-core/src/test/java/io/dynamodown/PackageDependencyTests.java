package io.dynamodown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

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

	private static Map<String, Set<String>> dependencies(Path root) {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String from = null;
				Set<String> to = new TreeSet<>();
				for (String line : read(file)) {
					String trimmed = line.trim();
					if (trimmed.startsWith("package ")) {
						from = trimmed.substring("package ".length(), trimmed.indexOf(';'));
					}
					else if (trimmed.startsWith("import ")) {
						String imported = trimmed.substring("import ".length(), trimmed.indexOf(';'))
							.replace("static ", "");
						if (imported.startsWith(BASE + ".")) {
							to.add(packageOf(imported));
						}
					}
				}
				assertThat(from).as("package of %s", file).isNotNull();
				to.remove(from);
				dependencies.computeIfAbsent(from, (key) -> new TreeSet<>()).addAll(to);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return dependencies;
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The package of an imported name: the segments before the first capitalised one.
	 */
	private static String packageOf(String imported) {
		List<String> segments = new ArrayList<>();
		for (String segment : imported.split("\\.")) {
			if (Character.isUpperCase(segment.charAt(0))) {
				break;
			}
			segments.add(segment);
		}
		return String.join(".", segments);
	}

	/**
	 * Every cycle found by a depth-first search, each as the packages on it from the
	 * first one met.
	 */
	private static List<List<String>> cycles(Map<String, Set<String>> graph) {
		List<List<String>> cycles = new ArrayList<>();
		Set<String> done = new TreeSet<>();
		for (String start : graph.keySet()) {
			visit(start, graph, new ArrayDeque<>(), done, cycles);
		}
		return cycles;
	}

	private static void visit(String node, Map<String, Set<String>> graph, Deque<String> path, Set<String> done,
			List<List<String>> cycles) {
		if (done.contains(node)) {
			return;
		}
		if (path.contains(node)) {
			List<String> onPath = new ArrayList<>(path);
			Collections.reverse(onPath);
			cycles.add(List.copyOf(onPath.subList(onPath.indexOf(node), onPath.size())));
			return;
		}
		path.push(node);
		for (String next : graph.getOrDefault(node, Set.of())) {
			visit(next, graph, path, done, cycles);
		}
		path.pop();
		done.add(node);
	}

}
