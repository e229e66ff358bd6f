package io.dynamodown.observation;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.dynamodown.support.LocalDynamo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A store works with Micrometer Observation absent from the class path: the store's
 * classes, loaded afresh by a class loader that hides {@code io.micrometer}, open a store
 * and write and read through it.
 */
class WithoutMicrometerTests {

	@Test
	void storeWorksWithoutMicrometerOnTheClassPath() throws Exception {
		try (URLClassLoader hiding = new URLClassLoader(classPathWithoutMicrometer(),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> hiding.loadClass("io.micrometer.observation.ObservationRegistry"));
			Class<?> run = hiding.loadClass(PutAndGet.class.getName());
			assertThat(run.getClassLoader()).isSameAs(hiding);
			@SuppressWarnings("unchecked")
			Function<String, String> putAndGet = (Function<String, String>) run.getConstructor().newInstance();
			String endpoint = LocalDynamo.server().endpoint().toString();
			assertThat(putAndGet.apply(endpoint)).isEqualTo("value");
		}
	}

	private static URL[] classPathWithoutMicrometer() throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!new File(entry).getName().startsWith("micrometer-")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		assertThat(urls).hasSizeGreaterThan(3);
		return urls.toArray(URL[]::new);
	}

}
