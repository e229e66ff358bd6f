package io.dynamodown.support;

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

/**
 * The packages of a module's Java sources and what they import, read from their
 * {@code package} and {@code import} lines, for the architecture tests
 * ({@code PackageDependencyTests}) of each module. Names written out in full in the code,
 * rather than imported, are not seen.
 */
public final class PackageDependencies {

	private PackageDependencies() {
	}

	/**
	 * Each package of the sources under a root, with every name its files import (a
	 * static import as the name of its member).
	 * @param root the root of the sources, such as {@code src/main/java}
	 * @return the imported names, by package
	 * @throws IllegalStateException for a source file without a {@code package} line
	 */
	public static Map<String, Set<String>> imports(Path root) {
		Map<String, Set<String>> imports = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String from = null;
				Set<String> imported = new TreeSet<>();
				for (String line : read(file)) {
					String trimmed = line.trim();
					if (trimmed.startsWith("package ")) {
						from = trimmed.substring("package ".length(), trimmed.indexOf(';'));
					}
					else if (trimmed.startsWith("import ")) {
						imported
							.add(trimmed.substring("import ".length(), trimmed.indexOf(';')).replace("static ", ""));
					}
				}
				if (from == null) {
					throw new IllegalStateException("No package line in " + file);
				}
				imports.computeIfAbsent(from, (key) -> new TreeSet<>()).addAll(imported);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return imports;
	}

	/**
	 * Each package of the sources under a root, with the packages under a base that it
	 * imports from, itself left out.
	 * @param root the root of the sources, such as {@code src/main/java}
	 * @param base the base package whose packages count, such as {@code io.dynamodown}
	 * @return the packages depended on, by package
	 * @throws IllegalStateException for a source file without a {@code package} line
	 */
	public static Map<String, Set<String>> dependencies(Path root, String base) {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		imports(root).forEach((from, imported) -> {
			Set<String> to = new TreeSet<>();
			for (String name : imported) {
				if (name.startsWith(base + ".")) {
					to.add(packageOf(name));
				}
			}
			to.remove(from);
			dependencies.put(from, to);
		});
		return dependencies;
	}

	/**
	 * The package of an imported name: the segments before the first capitalised one.
	 * @param imported the imported name
	 * @return its package
	 */
	public static String packageOf(String imported) {
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
	 * Every cycle a depth-first search finds, each as the packages on it from the first
	 * one met.
	 * @param graph the packages depended on, by package
	 * @return the cycles, empty when there are none
	 */
	public static List<List<String>> cycles(Map<String, Set<String>> graph) {
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
		Set<String> next = graph.get(node);
		for (String target : (next != null) ? next : Set.<String>of()) {
			visit(target, graph, path, done, cycles);
		}
		path.pop();
		done.add(node);
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
