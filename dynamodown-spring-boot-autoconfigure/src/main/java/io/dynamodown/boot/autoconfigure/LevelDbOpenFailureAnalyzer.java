package io.dynamodown.boot.autoconfigure;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.dynamodown.LevelDbException;
import io.dynamodown.ShardCountMismatchException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link LevelDbOpenException}: what went wrong, at which endpoint and region,
 * and which {@code dynamodown.*} property or action fixes it.
 */
class LevelDbOpenFailureAnalyzer extends AbstractFailureAnalyzer<LevelDbOpenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LevelDbOpenException cause) {
		LevelDbException failure = cause.getCause();
		String table = "'" + cause.getTable() + "'";
		String where = cause.where();
		String prefix = cause.getPropertyPrefix();
		String[] reasonAndAction = switch (failure.code()) {
			case TABLE_EXISTS ->
				new String[] { "The table " + table + " already exists and " + prefix + ".error-if-exists is true.",
						"Set " + prefix + ".error-if-exists=false to use the existing table, or name a new table with "
								+ prefix + ".table." };
			case TABLE_MISSING ->
				new String[] { "The table " + table + " does not exist and " + prefix + ".create-if-missing is false.",
						"Create the table, set " + prefix + ".create-if-missing=true to let the store create it, or "
								+ "correct " + prefix + ".table." };
			case SCHEMA_MISMATCH -> (failure instanceof ShardCountMismatchException mismatch)
					? shardCountMismatch(mismatch, prefix + ".shards")
					: new String[] { "The table " + table + " exists with another key schema: " + message(failure),
							"Name a table of the store's schema, or a new one that the store creates, with " + prefix
									+ ".table." };
			case TIMEOUT -> new String[] { "DynamoDB at " + where + " did not answer in time: " + message(failure),
					"Check that dynamodown.endpoint points at a DynamoDB that is running and reachable; on a slow "
							+ "network raise dynamodown.attempt-timeout and dynamodown.timeout." };
			default -> requestFailure(failure, where);
		};
		String description = "dynamodown could not open its store on table " + table + " (hash key '"
				+ cause.getHashKey() + "') at " + where + ".\n\n    Reason: " + reasonAndAction[0] + "\n";
		return new FailureAnalysis(description, reasonAndAction[1], cause);
	}

	private static String[] shardCountMismatch(ShardCountMismatchException mismatch, String property) {
		int recorded = mismatch.recordedShards();
		return new String[] {
				"The database has " + recorded + " shard" + ((recorded == 1) ? "" : "s") + ", and " + property
						+ " asks for " + mismatch.requestedShards() + ": the shard count belongs to the database.",
				"Set " + property + "=" + recorded + ", the count the database has. To give it another count, copy it "
						+ "into a new database (another hash key or table) with LevelDb.copyTo and point the store "
						+ "at that one." };
	}

	private static String[] requestFailure(LevelDbException failure, String where) {
		if (causedBy(failure, ConnectException.class)) {
			return new String[] { "Nothing accepted a connection at " + where + ".",
					"Start a DynamoDB-compatible server there or correct dynamodown.endpoint; for development, set "
							+ "dynamodown.embedded.enabled=true with dynamodown-embedded on the class path to run "
							+ "the embedded DynamoDB server in-process." };
		}
		if (causedBy(failure, UnknownHostException.class)) {
			return new String[] { "The host of " + where + " is unknown.",
					"Correct dynamodown.endpoint, or dynamodown.region for AWS." };
		}
		if (causedBy(failure, SocketTimeoutException.class)) {
			return new String[] { "DynamoDB at " + where + " did not answer in time.",
					"Check that dynamodown.endpoint points at DynamoDB and that it is reachable." };
		}
		String message = message(failure);
		if (message.contains("Unable to load credentials")) {
			return new String[] { "No AWS credentials were found: dynamodown.credentials.* is not set and the "
					+ "SDK's default chain (environment, system properties, profile, container or instance role) "
					+ "has none.",
					"Set dynamodown.credentials.access-key-id and dynamodown.credentials.secret-access-key (a local "
							+ "server that accepts any credentials takes any values), or provide credentials through "
							+ "the SDK's default chain." };
		}
		return new String[] { message, "Check dynamodown.endpoint, dynamodown.region and the credentials the "
				+ "client uses; the cause below names what DynamoDB answered." };
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				if (type.isInstance(suppressed)
						|| (suppressed.getCause() != null && type.isInstance(suppressed.getCause()))) {
					return true;
				}
			}
		}
		return false;
	}

	private static String message(LevelDbException failure) {
		@Nullable String message = failure.getMessage();
		return (message != null) ? message : failure.code().name();
	}

}
