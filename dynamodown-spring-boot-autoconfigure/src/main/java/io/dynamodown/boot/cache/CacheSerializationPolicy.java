package io.dynamodown.boot.cache;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the default cache serializer reads back: the classes allowed (the application's
 * own packages, a documented set of JDK value types, optionally the JDK's standard
 * collections, and any class named) and the limits on the object graph (depth,
 * references, array length, bytes). Anything else in a stored entry is refused before it
 * is built, so whoever can write the table cannot choose the classes the application
 * instantiates or make one entry cost unbounded CPU or heap.
 *
 * @param allowedPackages packages whose classes (and their sub-packages' classes) are
 * allowed, such as the application's own
 * @param allowedClasses further classes allowed by their exact name
 * @param jdkCollections whether the JDK's standard collections are allowed (their
 * elements are checked like any other object)
 * @param maxDepth the deepest nesting of objects in an entry
 * @param maxReferences the most object references in an entry
 * @param maxArrayLength the longest array in an entry
 * @param maxBytes the most bytes an entry may have
 */
public record CacheSerializationPolicy(List<String> allowedPackages, List<String> allowedClasses,
		boolean jdkCollections, int maxDepth, long maxReferences, long maxArrayLength, long maxBytes) {

	/** The deepest nesting of objects, by default. */
	public static final int DEFAULT_MAX_DEPTH = 32;

	/** The most object references in an entry, by default. */
	public static final long DEFAULT_MAX_REFERENCES = 10_000;

	/** The longest array in an entry, by default. */
	public static final long DEFAULT_MAX_ARRAY_LENGTH = 100_000;

	/** The most bytes an entry may have, by default: 1 MiB. */
	public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

	/**
	 * The JDK value types always allowed: strings, boxed primitives and their common
	 * superclass, big numbers, {@code UUID}, {@code Date}, {@code Locale}, {@code URI},
	 * {@code Currency}; and every class of {@code java.time} ({@link #JAVA_TIME}). Not
	 * {@code java.net.URL}, whose {@code hashCode} resolves host names.
	 */
	public static final Set<String> JDK_VALUE_TYPES = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
			"java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
			"java.lang.Character", "java.lang.Number", "java.lang.Enum", "java.math.BigInteger", "java.math.BigDecimal",
			"java.util.UUID", "java.util.Date", "java.util.Locale", "java.net.URI", "java.util.Currency");

	/**
	 * The package of the JDK's date and time values, all allowed (its classes are
	 * immutable values, read back through {@code java.time.Ser}).
	 */
	public static final String JAVA_TIME = "java.time.";

	/**
	 * The JDK collections allowed when {@link #jdkCollections()} is set: the standard
	 * lists, sets, maps and deques (and the {@code Map.Entry} arrays their readers size),
	 * the immutable ones of {@code List.of} and the like (serialized through
	 * {@code java.util.CollSer}), and the wrappers of {@code Collections}.
	 */
	public static final Set<String> JDK_COLLECTIONS = Set.of("java.util.ArrayList", "java.util.LinkedList",
			"java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
			"java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.Map$Entry",
			"java.util.CollSer", "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
			"java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
			"java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN", "java.util.Arrays$ArrayList",
			"java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
			"java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
			"java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableMap",
			"java.util.Collections$UnmodifiableSortedMap", "java.util.Collections$EmptyList",
			"java.util.Collections$EmptySet", "java.util.Collections$EmptyMap", "java.util.Collections$SingletonList",
			"java.util.Collections$SingletonSet", "java.util.Collections$SingletonMap");

	/**
	 * Creates a policy.
	 * @param allowedPackages packages whose classes are allowed
	 * @param allowedClasses further classes allowed by name
	 * @param jdkCollections whether the JDK's standard collections are allowed
	 * @param maxDepth the deepest nesting, at least 1
	 * @param maxReferences the most references, at least 1
	 * @param maxArrayLength the longest array, at least 0
	 * @param maxBytes the most bytes, at least 1
	 * @throws IllegalArgumentException for a limit out of range, naming it
	 */
	public CacheSerializationPolicy {
		allowedPackages = List.copyOf(Objects.requireNonNull(allowedPackages, "'allowedPackages' must not be null"));
		allowedClasses = List.copyOf(Objects.requireNonNull(allowedClasses, "'allowedClasses' must not be null"));
		check(maxDepth >= 1, "maxDepth must be at least 1, was " + maxDepth);
		check(maxReferences >= 1, "maxReferences must be at least 1, was " + maxReferences);
		check(maxArrayLength >= 0, "maxArrayLength must be at least 0, was " + maxArrayLength);
		check(maxBytes >= 1, "maxBytes must be at least 1, was " + maxBytes);
	}

	/**
	 * The default limits and JDK types, with the given packages allowed.
	 * @param allowedPackages the application's packages
	 * @return the policy
	 */
	public static CacheSerializationPolicy allowing(List<String> allowedPackages) {
		return new CacheSerializationPolicy(allowedPackages, List.of(), true, DEFAULT_MAX_DEPTH, DEFAULT_MAX_REFERENCES,
				DEFAULT_MAX_ARRAY_LENGTH, DEFAULT_MAX_BYTES);
	}

	/**
	 * Whether a class (not an array) may be read back.
	 * @param name the class's binary name
	 * @return {@code true} when allowed
	 */
	public boolean allows(String name) {
		if (JDK_VALUE_TYPES.contains(name) || name.startsWith(JAVA_TIME) || this.allowedClasses.contains(name)
				|| (this.jdkCollections && JDK_COLLECTIONS.contains(name))) {
			return true;
		}
		for (String allowed : this.allowedPackages) {
			if (name.startsWith(allowed + ".")) {
				return true;
			}
		}
		return false;
	}

	private static void check(boolean rule, String message) {
		if (!rule) {
			throw new IllegalArgumentException(message);
		}
	}

}
