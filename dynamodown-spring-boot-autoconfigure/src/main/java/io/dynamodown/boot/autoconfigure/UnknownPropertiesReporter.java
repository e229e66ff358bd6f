package io.dynamodown.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Reports the keys under {@code dynamodown.*} that no property binds (a misspelled
 * {@code dynamodown.embeded.enabled}, say, which would otherwise leave the embedded
 * server off without a word), each with where it was set and the closest known key. A
 * WARN line for each by default; with {@code dynamodown.fail-on-unknown-properties=true}
 * startup fails with an {@link UnknownDynamoDownPropertyException} for the first one.
 * Runs before any bean is created, so the report comes before whatever the misspelling
 * would cause. The known keys are those of the starter's configuration metadata.
 */
final class UnknownPropertiesReporter implements BeanFactoryPostProcessor {

	static final String FAIL_PROPERTY = "dynamodown.fail-on-unknown-properties";

	private static final Log logger = LogFactory.getLog(UnknownPropertiesReporter.class);

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("dynamodown");

	private final Environment environment;

	UnknownPropertiesReporter(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		KnownKeys known = knownKeys(beanFactory.getBeanClassLoader());
		Map<String, @Nullable String> unknown = unknownKeys(known);
		if (unknown.isEmpty()) {
			return;
		}
		if (this.environment.getProperty(FAIL_PROPERTY, Boolean.class, false)) {
			String key = unknown.keySet().iterator().next();
			List<String> others = new ArrayList<>(unknown.keySet());
			others.remove(key);
			throw new UnknownDynamoDownPropertyException(key, this.environment.getProperty(key, ""),
					explanation(key, known)
							+ (others.isEmpty() ? "" : " (also unknown: " + String.join(", ", others) + ")"));
		}
		unknown.forEach((key,
				origin) -> logger.warn("Unknown property " + key + ((origin != null) ? " (" + origin + ")" : "")
						+ " is ignored: it " + explanation(key, known) + " Set " + FAIL_PROPERTY
						+ "=true to fail startup on unknown dynamodown properties."));
	}

	/**
	 * The keys under {@code dynamodown.*} that the environment sets and no property
	 * binds.
	 * @param known the known keys
	 * @return each unknown key (canonical form) with where it was set, in name order
	 */
	Map<String, @Nullable String> unknownKeys(KnownKeys known) {
		Map<String, @Nullable String> unknown = new TreeMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.filter(ROOT::isAncestorOf).stream().forEach((name) -> {
				String key = name.toString();
				if (!known.isKnown(name) && !unknown.containsKey(key)) {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					Origin origin = (property != null) ? property.getOrigin() : null;
					unknown.put(key, (origin != null) ? origin.toString() : null);
				}
			});
		}
		return unknown;
	}

	private static String explanation(String key, KnownKeys known) {
		String closest = known.closest(key);
		return "is not a dynamodown property" + ((closest != null) ? "; did you mean " + closest + "?" : ".");
	}

	/**
	 * The starter's properties, from its configuration metadata (every file of that name
	 * on the class path that describes {@code dynamodown.*} properties).
	 * @param classLoader the class loader to read the metadata with
	 * @return the known keys
	 */
	static KnownKeys knownKeys(@Nullable ClassLoader classLoader) {
		return knownKeys(classLoader, JsonParserFactory.getJsonParser());
	}

	/**
	 * The starter's properties, read with a given JSON parser.
	 * @param classLoader the class loader to read the metadata with
	 * @param parser the parser
	 * @return the known keys
	 */
	static KnownKeys knownKeys(@Nullable ClassLoader classLoader, JsonParser parser) {
		ClassLoader loader = (classLoader != null) ? classLoader : UnknownPropertiesReporter.class.getClassLoader();
		Map<String, Boolean> keys = new LinkedHashMap<>();
		try {
			Enumeration<URL> resources = loader.getResources(METADATA);
			for (URL resource : Collections.list(resources)) {
				String json = read(resource);
				if (json.contains("\"dynamodown.")) {
					addProperties(json, keys, parser);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new KnownKeys(keys);
	}

	private static void addProperties(String json, Map<String, Boolean> keys, JsonParser parser) {
		Object properties = parser.parseMap(json).get("properties");
		if (properties instanceof List<?> list) {
			for (Object property : list) {
				// Boot's BasicJsonParser, the one used when no JSON library is on the
				// class
				// path, leaves the elements of a pretty-printed list after the first as
				// text.
				Map<?, ?> entry = (property instanceof Map<?, ?> map) ? map
						: parser.parseMap(String.valueOf(property).trim());
				Object name = entry.get("name");
				if (name instanceof String key && key.startsWith("dynamodown.")) {
					keys.put(key, String.valueOf(entry.get("type")).startsWith("java.util.Map"));
				}
			}
		}
	}

	private static String read(URL resource) throws IOException {
		try (InputStream input = resource.openStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * The known keys: a key is known when it is a property's name, an element of a list
	 * property ({@code cache-names[0]}) or an entry of a map property (anything under
	 * {@code dynamodown.cache.caches.}).
	 */
	static final class KnownKeys {

		private final Map<String, Boolean> keys;

		KnownKeys(Map<String, Boolean> keys) {
			this.keys = keys;
		}

		boolean isKnown(ConfigurationPropertyName name) {
			ConfigurationPropertyName candidate = name;
			while (!candidate.isEmpty()) {
				Boolean map = this.keys.get(candidate.toString());
				if (map != null) {
					if (map && LevelDbStoresRegistrar.PREFIX.equals(candidate.toString())) {
						return isStoreEntryKey(candidate, name);
					}
					return map || onlyIndexesBetween(candidate, name);
				}
				candidate = candidate.getParent();
			}
			return false;
		}

		/**
		 * Whether a key under {@code dynamodown.stores} is a key of an entry
		 * ({@code dynamodown.stores.orders.table}): the entries' keys are not in the
		 * metadata, which describes the map only.
		 */
		private static boolean isStoreEntryKey(ConfigurationPropertyName stores, ConfigurationPropertyName name) {
			int entry = stores.getNumberOfElements();
			if (name.getNumberOfElements() <= entry + 1) {
				return true;
			}
			List<String> rest = new ArrayList<>();
			for (int i = entry + 1; i < name.getNumberOfElements(); i++) {
				rest.add(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
			}
			return LevelDbStoresRegistrar.ENTRY_KEYS.contains(String.join(".", rest));
		}

		private static boolean onlyIndexesBetween(ConfigurationPropertyName ancestor, ConfigurationPropertyName name) {
			for (int i = ancestor.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
				if (!name.isNumericIndex(i)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * The known key closest to a key (fewest single-character edits, a swap of two
		 * neighbours counting as one), when it is close enough to be a likely
		 * misspelling.
		 * @param key the unknown key
		 * @return the closest known key, or {@code null} when none is close
		 */
		@Nullable String closest(String key) {
			String best = null;
			int bestDistance = Integer.MAX_VALUE;
			List<String> candidates = new ArrayList<>(this.keys.keySet());
			String storesPrefix = LevelDbStoresRegistrar.PREFIX + ".";
			if (key.startsWith(storesPrefix) && key.indexOf('.', storesPrefix.length()) > 0) {
				String entry = key.substring(0, key.indexOf('.', storesPrefix.length()) + 1);
				LevelDbStoresRegistrar.ENTRY_KEYS.forEach((entryKey) -> candidates.add(entry + entryKey));
			}
			for (String candidate : candidates) {
				int distance = distance(key, candidate);
				if (distance < bestDistance) {
					best = candidate;
					bestDistance = distance;
				}
			}
			int tail = key.length() - "dynamodown.".length();
			return (bestDistance <= Math.max(2, tail / 3)) ? best : null;
		}

		private static int distance(String a, String b) {
			int[][] d = new int[a.length() + 1][b.length() + 1];
			for (int i = 0; i <= a.length(); i++) {
				d[i][0] = i;
			}
			for (int j = 0; j <= b.length(); j++) {
				d[0][j] = j;
			}
			for (int i = 1; i <= a.length(); i++) {
				for (int j = 1; j <= b.length(); j++) {
					int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
					d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
					if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
						d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
					}
				}
			}
			return d[a.length()][b.length()];
		}

	}

}
