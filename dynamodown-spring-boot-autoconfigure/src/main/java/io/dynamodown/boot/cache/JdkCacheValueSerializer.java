package io.dynamodown.boot.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The default {@link CacheValueSerializer}: Java serialization, which rebuilds a
 * {@link Serializable} value exactly, generic collections included, as a cache that does
 * not know the declared type needs. Stored entries are untrusted (whoever can write the
 * table can write one), so reading one back goes through an
 * {@link java.io.ObjectInputFilter} built from a {@link CacheSerializationPolicy}: only
 * the classes it allows are built, within its limits on depth, references, array length
 * and bytes; anything else is refused before it is built, with an
 * {@link IllegalStateException} naming the reason.
 */
public final class JdkCacheValueSerializer implements CacheValueSerializer {

	private final ClassLoader classLoader;

	private final CacheSerializationPolicy policy;

	/**
	 * Creates a serializer that allows only the JDK value types and collections of
	 * {@link CacheSerializationPolicy}, with its default limits.
	 * @param classLoader the class loader of the application's classes
	 * @deprecated a serializer without the application's packages refuses its classes;
	 * use {@link #JdkCacheValueSerializer(ClassLoader, CacheSerializationPolicy)}
	 */
	@Deprecated
	public JdkCacheValueSerializer(ClassLoader classLoader) {
		this(classLoader, CacheSerializationPolicy.allowing(java.util.List.of()));
	}

	/**
	 * Creates a serializer that resolves classes through the given class loader and reads
	 * back what a policy allows.
	 * @param classLoader the class loader of the application's classes
	 * @param policy the classes and limits allowed
	 */
	public JdkCacheValueSerializer(ClassLoader classLoader, CacheSerializationPolicy policy) {
		this.classLoader = classLoader;
		this.policy = policy;
	}

	@Override
	public byte[] serialize(Object value) {
		if (!(value instanceof Serializable)) {
			throw new IllegalStateException(
					"A cached value must be Serializable for the default serializer: " + value.getClass().getName());
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot serialise a " + value.getClass().getName(), ex);
		}
		return bytes.toByteArray();
	}

	@Override
	public Object deserialize(byte[] bytes) {
		if (bytes.length > this.policy.maxBytes()) {
			throw new IllegalStateException("Refused a cached value of " + bytes.length + " bytes: more than "
					+ this.policy.maxBytes() + " bytes");
		}
		AllowListInputFilter filter = new AllowListInputFilter(this.policy);
		try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes),
				this.classLoader)) {
			in.setObjectInputFilter(filter);
			return in.readObject();
		}
		catch (IOException | ClassNotFoundException | RuntimeException ex) {
			String rejection = filter.rejection();
			throw new IllegalStateException(
					(rejection != null) ? "Refused a cached value of " + bytes.length + " bytes: " + rejection
							: "Cannot deserialise a cached value of " + bytes.length + " bytes",
					ex);
		}
	}

	private static final class ClassLoaderObjectInputStream extends ObjectInputStream {

		private final ClassLoader classLoader;

		ClassLoaderObjectInputStream(ByteArrayInputStream in, ClassLoader classLoader) throws IOException {
			super(in);
			this.classLoader = classLoader;
		}

		@Override
		protected Class<?> resolveClass(java.io.ObjectStreamClass descriptor)
				throws IOException, ClassNotFoundException {
			try {
				return Class.forName(descriptor.getName(), false, this.classLoader);
			}
			catch (ClassNotFoundException ex) {
				return super.resolveClass(descriptor);
			}
		}

	}

}
