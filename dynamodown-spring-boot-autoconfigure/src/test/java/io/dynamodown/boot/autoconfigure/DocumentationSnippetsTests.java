package io.dynamodown.boot.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;

import io.dynamodown.boot.autoconfigure.UnknownPropertiesReporter.KnownKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the snippets that users copy from the docs: every {@code ```java} block compiles
 * against this module's test class path (the core, the starter, the embedded server,
 * Spring Boot, JUnit, Testcontainers), every {@code dynamodown.*} key of a
 * {@code ```yaml} or {@code ```properties} block is a property of the starter's
 * configuration metadata, and every {@code io.dynamodown} dependency of an {@code ```xml}
 * block names a published artifact at the project's version. A failure names the file,
 * the line and the reason.
 * <p>
 * A Java block is compiled as a whole source file unless an HTML comment right above it
 * (invisible on the rendered page) says how to wrap it:
 *
 * <pre>
 * &lt;!-- java
 * in: method
 * imports: io.dynamodown.*, java.time.Duration
 * given: LevelDb db; byte[] key, value; void handle(Entry entry) { }
 * --&gt;
 * </pre>
 *
 * {@code in} is {@code file} (the default), {@code class} or {@code class Name} (the
 * block is the body of a class, of that name if given) or {@code method} (the block is
 * the body of a method that may throw anything); {@code imports} lists what the block
 * uses, separated by commas ({@code static} for a static import); {@code given} holds
 * members of the wrapping class (fields, methods, nested types) written as in Java, which
 * stand for what the prose around the block provides. The convention is described in the
 * project's README.md as well, for the authors of the docs.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("..");

	private static final List<String> DOCUMENTS = List.of("README.md", "docs/core.md", "docs/server.md",
			"docs/spring-boot.md", "dynamodown-embedded/README.md", "sample-app/README.md");

	private static final String HEADER_START = "<!-- java";

	/**
	 * The opening line of a fenced block: at least three backticks and an info string
	 * without backticks, whose first word is the language.
	 */
	private static final Pattern FENCE = Pattern.compile("(\\s*)(`{3,})([^`]*)");

	@Test
	void javaSnippetsCompile(@TempDir Path classes) throws IOException {
		List<Snippet> snippets = snippets("java");
		assertThat(snippets).as("Java snippets of %s", DOCUMENTS).isNotEmpty();
		List<String> errors = new ArrayList<>();
		Map<String, Unit> units = new LinkedHashMap<>();
		for (Snippet snippet : snippets) {
			try {
				Unit unit = Unit.of(snippet, "snippets.s" + units.size());
				units.put(unit.source().toUri().toString(), unit);
			}
			catch (IllegalArgumentException ex) {
				errors.add(snippet.location(snippet.headerLine()) + ": " + ex.getMessage());
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			List<String> options = List.of("-proc:none", "-implicit:none", "-d", classes.toString(), "-classpath",
					classPath());
			compiler
				.getTask(null, files, diagnostics, options, null, units.values().stream().map(Unit::source).toList())
				.call();
		}
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
				Unit unit = (diagnostic.getSource() != null) ? units.get(diagnostic.getSource().toUri().toString())
						: null;
				String where = (unit != null) ? unit.location(diagnostic.getLineNumber()) : "(no source)";
				errors.add(where + ": " + diagnostic.getMessage(Locale.ROOT));
			}
		}
		assertThat(errors).as("Java snippets that do not compile").isEmpty();
	}

	@Test
	void propertySnippetsNameOnlyKnownProperties() {
		KnownKeys known = UnknownPropertiesReporter.knownKeys(getClass().getClassLoader());
		List<Snippet> snippets = new ArrayList<>(snippets("yaml"));
		snippets.addAll(snippets("properties"));
		assertThat(snippets).as("YAML and properties snippets of %s", DOCUMENTS).isNotEmpty();
		List<String> errors = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		for (Snippet snippet : snippets) {
			PropertySourceLoader loader = snippet.language().equals("yaml") ? new YamlPropertySourceLoader()
					: new PropertiesPropertySourceLoader();
			propertyLines(loader, snippet).forEach((name, line) -> {
				if (name.startsWith("dynamodown.")) {
					checked.add(name);
					if (!ConfigurationPropertyName.isValid(name)
							|| !known.isKnown(ConfigurationPropertyName.of(name))) {
						errors.add(snippet.location(line) + ": " + name
								+ " is not a dynamodown property (see the configuration metadata)");
					}
				}
			});
		}
		assertThat(checked).as("dynamodown keys in the snippets").contains("dynamodown.table");
		assertThat(errors).as("unknown properties in the snippets").isEmpty();
	}

	@Test
	void dependencySnippetsNamePublishedArtifactsAtTheProjectsVersion() {
		Set<String> published = publishedArtifacts();
		String version = text(parse(read(ROOT.resolve("pom.xml"))).getDocumentElement(), "version");
		List<String> errors = new ArrayList<>();
		int ours = 0;
		for (Snippet snippet : snippets("xml")) {
			NodeList dependencies = parse("<snippet>" + snippet.code() + "</snippet>")
				.getElementsByTagName("dependency");
			for (int i = 0; i < dependencies.getLength(); i++) {
				Element dependency = (Element) dependencies.item(i);
				if ("io.dynamodown".equals(text(dependency, "groupId"))) {
					ours++;
					String artifact = text(dependency, "artifactId");
					String declared = text(dependency, "version");
					if (!published.contains(artifact)) {
						errors.add(snippet.location(snippet.line()) + ": io.dynamodown:" + artifact
								+ " is not a published artifact; dynamodown-bom lists " + published);
					}
					if (declared != null && !declared.equals(version)) {
						errors.add(snippet.location(snippet.line()) + ": io.dynamodown:" + artifact + " at " + declared
								+ ", but the project's version is " + version);
					}
				}
			}
		}
		assertThat(ours).as("io.dynamodown dependencies in the snippets").isPositive();
		assertThat(errors).as("dependency snippets").isEmpty();
	}

	/**
	 * The property names of a YAML or properties block, each with the line of the
	 * document where it is set.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Integer> propertyLines(PropertySourceLoader loader, Snippet snippet) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		try {
			for (PropertySource<?> source : loader.load(snippet.location(snippet.line()),
					new ByteArrayResource(snippet.code().getBytes(StandardCharsets.UTF_8)))) {
				for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
					Origin origin = ((OriginLookup<String>) source).getOrigin(name);
					lines.put(name, (origin instanceof TextResourceOrigin text && text.getLocation() != null)
							? snippet.line() + text.getLocation().getLine() : snippet.line());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	private static Set<String> publishedArtifacts() {
		Set<String> artifacts = new TreeSet<>();
		Document bom = parse(read(ROOT.resolve("dynamodown-bom/pom.xml")));
		NodeList dependencies = bom.getElementsByTagName("dependency");
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			if ("io.dynamodown".equals(text(dependency, "groupId"))) {
				artifacts.add(text(dependency, "artifactId"));
			}
		}
		return artifacts;
	}

	/**
	 * The text of an element's first child element of a name, or {@code null}.
	 */
	private static String text(Element parent, String name) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getTagName().equals(name)) {
				return element.getTextContent().trim();
			}
		}
		return null;
	}

	private static Document parse(String xml) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new InputSource(new StringReader(xml)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Not well-formed XML: " + xml, ex);
		}
	}

	/**
	 * The fenced blocks of a language in the documents, each with the header above it, if
	 * any.
	 */
	private static List<Snippet> snippets(String language) {
		List<Snippet> snippets = new ArrayList<>();
		for (String document : DOCUMENTS) {
			List<String> lines = read(ROOT.resolve(document)).lines().toList();
			Header header = null;
			for (int i = 0; i < lines.size(); i++) {
				Matcher fence = FENCE.matcher(lines.get(i));
				if (lines.get(i).trim().startsWith(HEADER_START)) {
					int start = i;
					while (!lines.get(i).trim().endsWith("-->")) {
						i++;
					}
					header = new Header(start + 1, lines.subList(start, i + 1));
				}
				else if (fence.matches()) {
					int indent = fence.group(1).length();
					int first = i + 1;
					StringBuilder code = new StringBuilder();
					for (i = first; !closes(lines.get(i), fence.group(2)); i++) {
						String line = lines.get(i);
						code.append((line.length() >= indent) ? line.substring(indent) : line.trim()).append('\n');
					}
					if (fence.group(3).trim().split("\\s+")[0].equals(language)) {
						snippets.add(new Snippet(document, first + 1, language, code.toString(), header));
					}
					header = null;
				}
				else {
					header = null;
				}
			}
		}
		return snippets;
	}

	/**
	 * Whether a line closes a fenced block: backticks only, at least as many as opened
	 * it.
	 */
	private static boolean closes(String line, String opening) {
		String trimmed = line.trim();
		return trimmed.startsWith(opening) && trimmed.chars().allMatch((c) -> c == '`');
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The test class path, read through the manifest of the jar that stands for it when
	 * the build passes it that way.
	 */
	private static String classPath() throws IOException {
		String classPath = System.getProperty("java.class.path");
		String[] entries = classPath.split(File.pathSeparator);
		if (entries.length != 1 || !entries[0].endsWith(".jar")) {
			return classPath;
		}
		Path jar = Path.of(entries[0]).toAbsolutePath();
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			String listed = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (listed == null) {
				return classPath;
			}
			List<String> paths = new ArrayList<>();
			URI base = jar.getParent().toUri();
			for (String entry : listed.trim().split("\\s+")) {
				paths.add(Path.of(base.resolve(entry)).toString());
			}
			return String.join(File.pathSeparator, paths);
		}
	}

	/**
	 * A fenced block.
	 *
	 * @param document the document, relative to the project's root
	 * @param line the line of the block's first line of code
	 * @param language the block's language
	 * @param code the code, without the fence's indentation
	 * @param header the header above it, or {@code null}
	 */
	record Snippet(String document, int line, String language, String code, Header header) {

		String location(int documentLine) {
			return this.document + ":" + documentLine;
		}

		int headerLine() {
			return (this.header != null) ? this.header.line() : this.line - 1;
		}

	}

	/**
	 * The {@code <!-- java ... -->} comment above a Java block.
	 *
	 * @param line the comment's first line
	 * @param lines the comment's lines
	 */
	record Header(int line, List<String> lines) {

		String value(String key) {
			for (String line : this.lines) {
				String trimmed = line.trim();
				if (trimmed.startsWith(key + ":")) {
					return trimmed.substring(key.length() + 1).trim();
				}
			}
			return "";
		}

	}

	/**
	 * A Java block wrapped into a source file.
	 *
	 * @param snippet the block
	 * @param source the source file
	 * @param firstSnippetLine the line of the source file that holds the block's first
	 * line
	 */
	record Unit(Snippet snippet, JavaFileObject source, int firstSnippetLine) {

		static Unit of(Snippet snippet, String packageName) {
			Header header = (snippet.header() != null) ? snippet.header() : new Header(0, List.of());
			List<String> lines = new ArrayList<>();
			lines.add("package " + packageName + ";");
			for (String imported : header.value("imports").split(",")) {
				if (!imported.isBlank()) {
					lines.add("import " + imported.trim() + ";");
				}
			}
			String in = header.value("in").isEmpty() ? "file" : header.value("in");
			String given = header.value("given");
			String className = "Snippet";
			String[] words = in.split("\\s+");
			if (words[0].equals("class") && words.length == 2) {
				className = words[1];
			}
			else if (!in.equals("file") && !in.equals("class") && !in.equals("method")) {
				throw new IllegalArgumentException("'in: " + in + "' is none of file, class, class <Name>, method");
			}
			if (!in.equals("file")) {
				lines.add("class " + className + " {");
				if (!given.isEmpty()) {
					lines.add((given.endsWith(";") || given.endsWith("}")) ? given : given + ";");
				}
				if (in.equals("method")) {
					lines.add("void snippet() throws Throwable {");
				}
			}
			else if (!given.isEmpty()) {
				throw new IllegalArgumentException("'given' needs 'in: class' or 'in: method'");
			}
			int first = lines.size() + 1;
			lines.addAll(snippet.code().lines().toList());
			if (in.equals("method")) {
				lines.add("}");
			}
			if (!in.equals("file")) {
				lines.add("}");
			}
			String source = String.join("\n", lines) + "\n";
			String fileName = in.equals("file") ? publicTypeName(snippet.code()) : className;
			URI uri = URI.create("string:///" + packageName.replace('.', '/') + "/" + fileName + ".java");
			return new Unit(snippet, new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {

				@Override
				public CharSequence getCharContent(boolean ignoreEncodingErrors) {
					return source;
				}

			}, first);
		}

		/**
		 * The name the file must have: that of its public type, if any.
		 */
		private static String publicTypeName(String code) {
			Matcher matcher = Pattern
				.compile("(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)")
				.matcher(code);
			return matcher.find() ? matcher.group(1) : "Snippet";
		}

		String location(long sourceLine) {
			long offset = sourceLine - this.firstSnippetLine;
			return (offset >= 0) ? this.snippet.location((int) (this.snippet.line() + offset))
					: this.snippet.location(this.snippet.headerLine()) + " (the header above the block)";
		}

	}

}
