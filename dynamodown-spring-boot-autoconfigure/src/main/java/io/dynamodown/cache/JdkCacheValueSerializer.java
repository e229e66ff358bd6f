package io.dynamodown.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The default {@link CacheValueSerializer}: Java serialization, as Spring Data Redis's
 * default cache serializer. It rebuilds any {@link Serializable} value exactly, generic
 * collections included, which a cache that does not know the declared type needs.
 * Deserialising is as safe as the table is trusted: whoever can write the table can
 * choose the classes read back. The JVM's serialization filter ({@code jdk.serialFilter})
 * applies; replace this serializer with a bean of your own for untrusted tables.
 */
public final class JdkCacheValueSerializer implements CacheValueSerializer {

	private final ClassLoader classLoader;

	/**
	 * Creates a serializer that resolves classes through the given class loader.
	 * @param classLoader the class loader of the application's classes
	 */
	public JdkCacheValueSerializer(ClassLoader classLoader) {
		this.classLoader = classLoader;
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
		try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes),
				this.classLoader)) {
			return in.readObject();
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new IllegalStateException("Cannot deserialise a cached value of " + bytes.length + " bytes", ex);
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
