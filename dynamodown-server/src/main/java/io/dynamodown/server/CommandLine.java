package io.dynamodown.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The flags of {@link DynamoDbServer#main(String[])}.
 */
final class CommandLine {

	static final String USAGE = String.join("\n", "Usage: dynamodown-server [options]",
			"  --port <port>                 the port on 127.0.0.1 (default 8000; 0 for a free one)",
			"  --path <directory>            keep the data in this directory (default: in memory)",
			"  --require-signature           accept only the key pair of AWS_ACCESS_KEY_ID and",
			"                                AWS_SECRET_ACCESS_KEY and verify every signature",
			"  --database-per-access-key     give each access key id a database of its own",
			"  --table-status-delay <ms>     how long tables stay CREATING, UPDATING, DELETING (default 0)",
			"  --partition-read-units <n>    read capacity units a second each partition-key value may",
			"                                consume (default 0: no limit; DynamoDB's partitions: 3000)",
			"  --partition-write-units <n>   write capacity units a second each partition-key value may",
			"                                consume (default 0: no limit; DynamoDB's partitions: 1000)",
			"  --stream-open-shards <n>      shards of a stream open at once, 1 to 1000 (default 1)",
			"  --stream-shard-rollover <s>   seconds a stream's shard stays open (default 14400, 4 hours)",
			"  --help                        show this help");

	/** DynamoDB Local's port, so that tools configured for it work unchanged. */
	static final int DEFAULT_PORT = 8000;

	private CommandLine() {
	}

	/**
	 * Returns whether the flags ask for help.
	 * @param args the flags
	 * @return whether {@code --help} or {@code -h} is among them
	 */
	static boolean wantsHelp(String[] args) {
		return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
	}

	/**
	 * Turns flags into a builder.
	 * @param args the flags
	 * @param environment the environment, where {@code --require-signature} finds the key
	 * pair
	 * @return the builder
	 * @throws IllegalArgumentException naming the flag that is unknown, lacks its value
	 * or has an invalid one
	 */
	static DynamoDbServer.Builder parse(String[] args, Map<String, String> environment) {
		DynamoDbServer.Builder builder = DynamoDbServer.builder().port(DEFAULT_PORT);
		long readUnits = 0;
		long writeUnits = 0;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> builder.port(number(args, ++i, "--port"));
				case "--path" -> builder.directory(Path.of(value(args, ++i, "--path")));
				case "--require-signature" -> builder.credentials(environment(environment, "AWS_ACCESS_KEY_ID"),
						environment(environment, "AWS_SECRET_ACCESS_KEY"));
				case "--database-per-access-key" -> builder.databasePerAccessKey(true);
				case "--table-status-delay" ->
					builder.tableStatusDelay(Duration.ofMillis(number(args, ++i, "--table-status-delay")));
				case "--partition-read-units" -> readUnits = units(args, ++i, "--partition-read-units");
				case "--partition-write-units" -> writeUnits = units(args, ++i, "--partition-write-units");
				case "--stream-open-shards" -> builder.streamOpenShards(number(args, ++i, "--stream-open-shards"));
				case "--stream-shard-rollover" ->
					builder.streamShardRollover(Duration.ofSeconds(number(args, ++i, "--stream-shard-rollover")));
				default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
			}
		}
		return builder.partitionThroughput(readUnits, writeUnits);
	}

	private static String value(String[] args, int index, String flag) {
		if (index >= args.length) {
			throw new IllegalArgumentException(flag + " needs a value");
		}
		return args[index];
	}

	private static int number(String[] args, int index, String flag) {
		String value = value(args, index, flag);
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(flag + " needs a number, not '" + value + "'");
		}
	}

	private static long units(String[] args, int index, String flag) {
		int units = number(args, index, flag);
		if (units < 0) {
			throw new IllegalArgumentException(flag + " needs 0 (no limit) or more units a second, not " + units);
		}
		return units;
	}

	private static String environment(Map<String, String> environment, String name) {
		String value = environment.get(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("--require-signature needs " + name + " in the environment");
		}
		return value;
	}

}
