package io.dynamodown;

import io.dynamodown.support.LocalDynamo;
import io.dynamodown.table.AttributeNames;
import io.dynamodown.table.Billing;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Opening a store: table creation, existing tables, schema checks, locations.
 */
class TableLifecycleTests {

	@Test
	void missingTableIsCreatedOnDemandAndActive() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client()).table(table).open()) {
			TableDescription description = describe(table);
			assertThat(description.tableStatusAsString()).isEqualTo("ACTIVE");
			assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
			assertThat(description.keySchema()).extracting((k) -> k.attributeName() + " " + k.keyTypeAsString())
				.containsExactly("hkey HASH", "rkey RANGE");
			assertThat(db.hashKey()).isEqualTo("!");
		}
	}

	@Test
	void provisionedCapacitiesAreUsedWhenGiven() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(table)
			.billing(Billing.provisioned(7, 3))
			.open()) {
			TableDescription description = describe(table);
			assertThat(description.provisionedThroughput().readCapacityUnits()).isEqualTo(7);
			assertThat(description.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
		}
	}

	@Test
	void missingTableIsRefusedWithoutCreateIfMissing() {
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> LevelDb.builder(LocalDynamo.client())
				.table(LocalDynamo.freshTable())
				.createIfMissing(false)
				.open())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TABLE_MISSING));
	}

	@Test
	void existingTableIsRefusedWithErrorIfExists() {
		String table = LocalDynamo.freshTable();
		LevelDb.builder(LocalDynamo.client()).table(table).open().close();
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> LevelDb.builder(LocalDynamo.client()).table(table).errorIfExists(true).open())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TABLE_EXISTS));
	}

	@Test
	void tableWithAnotherKeySchemaIsRefusedNamingBothSchemas() {
		String table = LocalDynamo.freshTable();
		LocalDynamo.client()
			.createTable((r) -> r.tableName(table)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.keySchema((k) -> k.attributeName("hkey").keyType("HASH"),
						(k) -> k.attributeName("rkey").keyType("RANGE"))
				.attributeDefinitions((a) -> a.attributeName("hkey").attributeType(ScalarAttributeType.S),
						(a) -> a.attributeName("rkey").attributeType(ScalarAttributeType.S)));
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> LevelDb.builder(LocalDynamo.client()).table(table).open())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
			.withMessageContaining("hkey HASH S, rkey RANGE S")
			.withMessageContaining("hkey HASH S, rkey RANGE B");
	}

	@Test
	void existingTableWithOtherAttributeNamesIsAdopted() {
		String table = LocalDynamo.freshTable();
		AttributeNames names = new AttributeNames("pk", "sk", "data");
		try (LevelDb db = LevelDb.builder(LocalDynamo.client()).table(table).attributeNames(names).open()) {
			db.put(utf8("a"), utf8("1"));
		}
		try (LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(table)
			.attributeNames(names)
			.createIfMissing(false)
			.open()) {
			assertThat(db.get(utf8("a"))).isPresent();
		}
	}

	@Test
	void locationStringNamesTableAndHashKeyAndDatabasesShareATable() {
		String table = LocalDynamo.freshTable();
		try (LevelDb users = LevelDb.builder(LocalDynamo.client()).location(table + "/users").open();
				LevelDb orders = LevelDb.builder(LocalDynamo.client()).location(table + "/orders/2024").open()) {
			assertThat(users.table()).isEqualTo(table);
			assertThat(users.hashKey()).isEqualTo("users");
			assertThat(orders.hashKey()).isEqualTo("orders/2024");
			users.put(utf8("k"), utf8("u"));
			orders.put(utf8("k"), utf8("o"));
			assertThat(users.get(utf8("k"))).hasValueSatisfying((v) -> assertThat(v).isEqualTo(utf8("u")));
			assertThat(orders.keys(Range.all()).all()).hasSize(1);
		}
	}

	@Test
	void invalidTableNamesAndHashKeysAreRefusedBeforeAnyRequest() {
		for (String bad : new String[] { "ab", "has space", "x".repeat(256) }) {
			assertThatExceptionOfType(LevelDbException.class)
				.isThrownBy(() -> LevelDb.builder(LocalDynamo.client()).table(bad).open())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
				.withMessageContaining("table name");
		}
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> LevelDb.builder(LocalDynamo.client()).table("valid").hashKey("").open())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
		assertThatExceptionOfType(LevelDbException.class)
			.isThrownBy(() -> LevelDb.builder(LocalDynamo.client()).table("valid").hashKey("h".repeat(2049)).open())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.withMessageContaining("2048");
	}

	@Test
	void operationsOnADeletedTableFailWithTableMissing() {
		String table = LocalDynamo.freshTable();
		try (LevelDb db = LevelDb.builder(LocalDynamo.client()).table(table).open()) {
			LocalDynamo.client().deleteTable((r) -> r.tableName(table));
			assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("a")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TABLE_MISSING))
				.withMessageContaining(table);
		}
	}

	private static TableDescription describe(String table) {
		return LocalDynamo.client().describeTable((r) -> r.tableName(table)).table();
	}

}
