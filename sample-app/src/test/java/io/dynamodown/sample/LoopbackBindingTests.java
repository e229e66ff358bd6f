package io.dynamodown.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application listens on loopback only unless {@code server.address} opens it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoopbackBindingTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void connectorIsBoundToLoopback() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		Object address = connector.getProperty("address");
		assertThat(address).isInstanceOf(InetAddress.class);
		assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();
	}

	@Test
	void otherInterfacesOfThisHostRefuseConnections() throws IOException {
		for (InetAddress address : nonLoopbackAddresses()) {
			assertThatExceptionOfType(ConnectException.class).as(address.toString()).isThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, this.port), 10_000);
				}
			});
		}
	}

	private static List<InetAddress> nonLoopbackAddresses() throws IOException {
		return NetworkInterface.networkInterfaces()
			.filter(LoopbackBindingTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
