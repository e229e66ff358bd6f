package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;

/**
 * {@code UpdateTable}: billing mode, provisioned throughput (of the table and its global
 * indexes), stream specification and deletion protection. The table is {@code UPDATING}
 * until the status delay has passed. Creating or deleting a global index is refused with
 * a {@code ValidationException}.
 */
final class UpdateTable implements Operation {

	private static final int MAX_INDEX_UPDATES = 5;

	private static final BigDecimal MAX_CAPACITY_UNITS = BigDecimal.valueOf(1_000_000_000_000L);

	@Override
	public Map<String, Object> execute(Database database, Map<String, Object> request) {
		String tableName = Requests.string(request, "TableName");
		return database.write(() -> {
			Table table = database.existingTable(tableName);
			Instant now = database.now();
			Table.Status status = table.status(now);
			if (status != Table.Status.ACTIVE) {
				throw DynamoDbError.resourceInUse(
						"Attempt to change a resource which is still in use: Table is being "
								+ ((status == Table.Status.CREATING) ? "created"
										: (status == Table.Status.DELETING) ? "deleted" : "updated")
								+ ": " + tableName);
			}
			String billingMode = Requests.optionalString(request, "BillingMode");
			String effectiveMode = (billingMode != null) ? billingMode : table.billingMode();
			Map<String, Object> throughput = Requests.map(request, "ProvisionedThroughput");
			if (throughput != null && "PAY_PER_REQUEST".equals(effectiveMode)) {
				throw DynamoDbError.validation("One or more parameter values were invalid: Neither ReadCapacityUnits "
						+ "nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
			}
			checkIndexUpdates(Requests.list(request, "GlobalSecondaryIndexUpdates"));
			Instant ready = now.plus(database.statusDelay());
			boolean changed = false;
			if (throughput != null) {
				changeThroughput(table.throughput(), Throughput.of(throughput), now, ready);
				changed = true;
			}
			for (Object update : Requests.list(request, "GlobalSecondaryIndexUpdates")) {
				changed |= updateIndex(table, update, now, ready);
			}
			boolean billingModeChanged = false;
			if (billingMode != null && !billingMode.equals(table.billingMode())) {
				billingModeChanged = true;
				if ("PAY_PER_REQUEST".equals(billingMode)) {
					table.throughput().change(0, 0, now);
				}
				table.billingMode(billingMode, now);
				changed = true;
			}
			if (request.get("StreamSpecification") != null) {
				updateStream(database, table, Requests.object(request, "StreamSpecification"), now, ready);
				changed = true;
			}
			if (request.get("DeletionProtectionEnabled") != null) {
				table.deletionProtection(Requests.flag(request, "DeletionProtectionEnabled"));
			}
			if (changed) {
				table.status(Table.Status.UPDATING, ready);
			}
			database.journal().tableUpdated(table);
			Map<String, Object> answer = Answers.answer();
			answer.put("TableDescription",
					billingModeChanged ? table.describeNewBillingMode(now) : table.describe(now));
			return answer;
		});
	}

	/**
	 * DynamoDB's checks of all index updates before any of them, or anything else, is
	 * applied: at most five, and no throughput past its bound.
	 */
	@SuppressWarnings("unchecked")
	private static void checkIndexUpdates(List<Object> updates) {
		if (updates.size() > MAX_INDEX_UPDATES) {
			throw DynamoDbError.limitExceeded(
					"Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
		}
		for (Object update : updates) {
			Map<String, Object> change = Requests.map((Map<String, Object>) update, "Update");
			Map<String, Object> throughput = (change != null) ? Requests.map(change, "ProvisionedThroughput") : null;
			if (throughput != null && (exceedsBound(throughput.get("ReadCapacityUnits"))
					|| exceedsBound(throughput.get("WriteCapacityUnits")))) {
				throw DynamoDbError.validation("This operation cannot be performed with given input values. "
						+ "Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate");
			}
		}
	}

	private static boolean exceedsBound(@Nullable Object units) {
		return units instanceof BigDecimal number && number.compareTo(MAX_CAPACITY_UNITS) > 0;
	}

	private static void changeThroughput(Throughput current, Throughput requested, Instant now, Instant effective) {
		if (current.readCapacityUnits() == requested.readCapacityUnits()
				&& current.writeCapacityUnits() == requested.writeCapacityUnits()) {
			throw DynamoDbError.validation("The provisioned throughput for the table will not change. "
					+ "The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: "
					+ current.readCapacityUnits() + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
					+ ". Current WriteCapacityUnits provisioned for the table: " + current.writeCapacityUnits()
					+ ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits() + ". "
					+ "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
		}
		current.request(requested.readCapacityUnits(), requested.writeCapacityUnits(), now, effective);
	}

	@SuppressWarnings("unchecked")
	private static boolean updateIndex(Table table, Object json, Instant now, Instant ready) {
		Map<String, Object> update = (Map<String, Object>) json;
		Map<String, Object> change = Requests.map(update, "Update");
		if (change == null) {
			throw DynamoDbError.validation(
					"Creating or deleting a global secondary index is not supported by this server; create the table with its indexes");
		}
		String indexName = Requests.string(change, "IndexName");
		SecondaryIndex index = table.index(indexName);
		if (index == null || !index.global()) {
			throw DynamoDbError.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
		}
		changeThroughput(index.throughput(), Throughput.of(change.get("ProvisionedThroughput")), now, ready);
		return true;
	}

	private static void updateStream(Database database, Table table, Map<String, Object> specification, Instant now,
			Instant ready) {
		boolean enable = Requests.flag(specification, "StreamEnabled");
		if (enable && table.stream().enabled()) {
			throw DynamoDbError.validation("Table already has an enabled stream: TableName: " + table.name());
		}
		if (!enable && !table.stream().enabled()) {
			throw DynamoDbError.validation("Table already has no enabled stream: TableName: " + table.name());
		}
		table.stream().apply(specification);
		table.stream().attach(database.streams(), now, ready);
	}

}
