package io.dynamodown.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The sample application: an event log over dynamodown, on the embedded DynamoDB server
 * by default, listening on loopback only, with one endpoint cached in the store.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
@EnableCaching
public class SampleApplication {

	/**
	 * Starts the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
