package io.dynamodown.sample;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a path holding an encoded slash ({@code %2F}) reach the application, which answers
 * it as every other client error, a 4xx with a JSON body, instead of Tomcat refusing it
 * with an HTML page of its own before the application sees it.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashSettings {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> encodedSlashesReachTheApplication() {
		return (factory) -> factory.addConnectorCustomizers(
				(connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

}
