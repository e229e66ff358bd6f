package io.dynamodown.server.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.error.DynamoDbError;
import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.stream.StreamLog;

/**
 * The tables of one account. One read-write lock makes every operation atomic: reads
 * share it, writes (items or tables) hold it alone, so a condition is evaluated and
 * applied as one step and a transaction is serializable against every other write.
 */
final class Database {

	private final Clock clock;

	private final Duration statusDelay;

	private final TreeMap<String, Table> tables = new TreeMap<>();

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile Journal journal;

	private final PartitionLimiter limiter;

	private final StreamLog streams;

	Database(Clock clock, Duration statusDelay, Journal journal, PartitionLimiter limiter, StreamLog streams) {
		this.clock = clock;
		this.statusDelay = statusDelay;
		this.journal = journal;
		this.limiter = limiter;
		this.streams = streams;
		streams.journal(journal.streams());
	}

	/**
	 * Returns the throughput limits of each partition-key value, which every item
	 * operation asks before it takes effect.
	 * @return the limiter
	 */
	PartitionLimiter limiter() {
		return this.limiter;
	}

	/**
	 * Returns the streams of the account's tables.
	 * @return the streams
	 */
	StreamLog streams() {
		return this.streams;
	}

	Journal journal() {
		return this.journal;
	}

	/**
	 * Changes where changes are recorded (once the data file was replayed).
	 * @param journal the journal
	 */
	void journal(Journal journal) {
		this.journal = journal;
		this.streams.journal(journal.streams());
	}

	/**
	 * Writes or deletes an item of a table and records the change, in the data file and
	 * in the table's stream. Every change of an item goes through here (or through
	 * {@link #expire}). Called under the write lock.
	 * @param table the table
	 * @param key the item's key
	 * @param item the new item, or {@code null} to delete it
	 * @return the write
	 */
	Table.Write apply(Table table, PrimaryKey key, @Nullable Map<String, AttributeValue> item) {
		Table.Write write = table.write(key, item);
		this.journal.itemWritten(table, key, item, table.stream().record(key, write.old(), item, this.clock, false));
		return write;
	}

	/**
	 * Deletes an expired item on behalf of time to live. Called under the write lock.
	 * @param table the table
	 * @param key the item's key
	 */
	void expire(Table table, PrimaryKey key) {
		Table.Write write = table.write(key, null);
		this.journal.itemWritten(table, key, null, table.stream().record(key, write.old(), null, this.clock, true));
	}

	/**
	 * Starts the deletion of a table: its items go at once (without stream records, as on
	 * DynamoDB), its stream is disabled, the table itself stays {@code DELETING} until
	 * the status delay has passed. Called under the write lock.
	 * @param table the table
	 */
	void drop(Table table) {
		table.stream().detach(now(), now().plus(this.statusDelay));
		table.status(Table.Status.DELETING, now().plus(this.statusDelay));
		table.items().clear();
		table.indexes().forEach(SecondaryIndex::clear);
		this.journal.tableDeleted(table.name());
	}

	Instant now() {
		return this.clock.instant();
	}

	Duration statusDelay() {
		return this.statusDelay;
	}

	/**
	 * Runs an action that only reads, sharing the lock with other readers.
	 * @param <T> the result type
	 * @param action the action
	 * @return its result
	 */
	<T> T read(Supplier<T> action) {
		this.lock.readLock().lock();
		try {
			return action.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Runs an action that writes, holding the lock alone.
	 * @param <T> the result type
	 * @param action the action
	 * @return its result
	 */
	<T> T write(Supplier<T> action) {
		this.lock.writeLock().lock();
		try {
			purgeDeleted();
			return action.get();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Returns a table whose items can be read and written: one that exists and is neither
	 * being created nor deleted.
	 * @param name the table name
	 * @return the table
	 * @throws DynamoDbError {@code ResourceNotFoundException} otherwise
	 */
	Table activeTable(String name) {
		Table table = this.tables.get(name);
		if (table != null) {
			Table.Status status = table.status(now());
			if (status == Table.Status.ACTIVE || status == Table.Status.UPDATING) {
				return table;
			}
		}
		throw DynamoDbError.resourceNotFound("Requested resource not found");
	}

	/**
	 * Returns a table in any status, as {@code DescribeTable} finds it.
	 * @param name the table name
	 * @return the table
	 * @throws DynamoDbError {@code ResourceNotFoundException} naming the table otherwise
	 */
	Table existingTable(String name) {
		Table table = existing(name);
		if (table == null) {
			throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
		}
		return table;
	}

	/**
	 * Returns a table in any status.
	 * @param name the table name
	 * @return the table, or {@code null} if there is none (or its deletion is over)
	 */
	@Nullable Table existing(String name) {
		Table table = this.tables.get(name);
		if (table != null && table.status(now()) == Table.Status.DELETING && !now().isBefore(table.statusUntil())) {
			return null;
		}
		return table;
	}

	/**
	 * Opens the streams of the tables replayed from the data file, whose settings enable
	 * one. Called before the database serves requests.
	 */
	void attachStreams() {
		for (Table table : this.tables.values()) {
			table.stream().attach(this.streams, now(), now());
		}
	}

	void add(Table table) {
		this.tables.put(table.name(), table);
	}

	void remove(String name) {
		this.tables.remove(name);
	}

	/**
	 * Returns the names of the tables, in order, after a name.
	 * @param exclusiveStart the name to start after, or {@code null}
	 * @return the names
	 */
	List<String> names(@Nullable String exclusiveStart) {
		List<String> names = new ArrayList<>();
		Map<String, Table> tail = (exclusiveStart != null) ? this.tables.tailMap(exclusiveStart, false) : this.tables;
		for (String name : tail.keySet()) {
			if (existing(name) != null) {
				names.add(name);
			}
		}
		return names;
	}

	List<Table> tables() {
		return new ArrayList<>(this.tables.values());
	}

	private void purgeDeleted() {
		Iterator<Table> iterator = this.tables.values().iterator();
		while (iterator.hasNext()) {
			Table table = iterator.next();
			if (table.status(now()) == Table.Status.DELETING && !now().isBefore(table.statusUntil())) {
				iterator.remove();
			}
		}
	}

}
