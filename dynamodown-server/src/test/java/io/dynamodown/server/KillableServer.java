package io.dynamodown.server;

import java.nio.file.Path;

/**
 * A server in a process of its own, for {@link DurabilityTests}: starts on a directory,
 * prints its port on one line and runs until the process is killed.
 */
public final class KillableServer {

	private KillableServer() {
	}

	/**
	 * Starts the server.
	 * @param args the data directory
	 * @throws InterruptedException never: the process is killed while it waits
	 */
	public static void main(String[] args) throws InterruptedException {
		DynamoDbServer server = DynamoDbServer.builder().directory(Path.of(args[0])).start();
		System.out.println("port " + server.port());
		System.out.flush();
		Thread.currentThread().join();
	}

}
