package io.dynamodown.server.internal.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.protocol.Json;
import io.dynamodown.server.internal.protocol.MalformedJsonException;
import io.dynamodown.server.internal.stream.RecordedChange;
import io.dynamodown.server.internal.stream.StreamJournal;

/**
 * Keeps a server's data in one file of a directory: every change is appended as a record
 * (length, CRC-32C, JSON) and written to the operating system before the request is
 * answered, so an acknowledged write survives the process being killed. An item change
 * carries the stream record it produced, so that both are kept or neither; a stream's
 * state (status and shards) is appended whenever it changes. On open the file is replayed
 * (a torn last record, from a kill in the middle of a write, is dropped) and then
 * rewritten as a snapshot of the live data and of the stream records still within
 * retention, so it never grows past them plus the changes of one run.
 */
final class FileJournal implements AutoCloseable {

	/** The data file's name. */
	static final String FILE_NAME = "dynamodown-server.data";

	private final Path file;

	private FileChannel channel;

	private FileJournal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/**
	 * Opens the data file of a directory, replays it into databases and compacts it.
	 * @param directory the directory (created if needed)
	 * @param databases the database of each account, created on demand
	 * @return the journal, appending to the compacted file
	 * @throws UncheckedIOException if the file cannot be read or written
	 */
	static FileJournal open(Path directory, Function<String, Database> databases) {
		try {
			Files.createDirectories(directory);
			Path file = directory.resolve(FILE_NAME);
			if (Files.exists(file)) {
				replay(file, databases);
			}
			FileJournal journal = new FileJournal(file, FileChannel.open(file, StandardOpenOption.CREATE,
					StandardOpenOption.WRITE, StandardOpenOption.APPEND));
			return journal;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The data in " + directory + " could not be opened", ex);
		}
	}

	/**
	 * Rewrites the file as a snapshot of the given databases.
	 * @param accounts the databases by account
	 */
	synchronized void compact(Map<String, Database> accounts) {
		Path temporary = this.file.resolveSibling(FILE_NAME + ".new");
		try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			for (Map.Entry<String, Database> account : accounts.entrySet()) {
				for (Table table : account.getValue().tables()) {
					if (account.getValue().existing(table.name()) == null) {
						continue;
					}
					write(out, tableRecord(account.getKey(), table));
					for (Map<String, AttributeValue> item : table.items().values()) {
						write(out, itemRecord(account.getKey(), table.name(), item));
					}
				}
				account.getValue()
					.streams()
					.snapshot((state) -> writeUnchecked(out, streamRecord(account.getKey(), state)),
							(change) -> writeUnchecked(out, changeRecord(account.getKey(), change)));
			}
			out.force(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The data in " + this.file + " could not be compacted", ex);
		}
		catch (UncheckedIOException ex) {
			throw new UncheckedIOException("The data in " + this.file + " could not be compacted", ex.getCause());
		}
		try {
			this.channel.close();
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			this.channel = FileChannel.open(this.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The data in " + this.file + " could not be compacted", ex);
		}
	}

	/**
	 * Returns the journal of one account's database.
	 * @param account the account
	 * @return the journal
	 */
	Journal forAccount(String account) {
		return new Journal() {

			@Override
			public void tableCreated(Map<String, Object> request) {
				Map<String, Object> record = record("create", account, Requests.string(request, "TableName"));
				record.put("request", request);
				append(record);
			}

			@Override
			public void tableUpdated(Table table) {
				append(tableRecord(account, table));
			}

			@Override
			public void tableDeleted(String name) {
				append(record("drop", account, name));
			}

			@Override
			public void itemWritten(Table table, PrimaryKey key, @Nullable Map<String, AttributeValue> item,
					@Nullable RecordedChange change) {
				Map<String, Object> record;
				if (item != null) {
					record = itemRecord(account, table.name(), item);
				}
				else {
					record = record("delete", account, table.name());
					record.put("key", AttributeValue.mapToJson(table.keySchema().keyAttributes(key)));
				}
				if (change != null) {
					record.put("change", change.toJson());
				}
				append(record);
			}

			@Override
			public StreamJournal streams() {
				return (state) -> append(streamRecord(account, state));
			}

		};
	}

	private static Map<String, Object> record(String type, String account, String table) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("type", type);
		record.put("account", account);
		record.put("table", table);
		return record;
	}

	private static Map<String, Object> tableRecord(String account, Table table) {
		Map<String, Object> record = record("table", account, table.name());
		record.put("definition", TableSnapshot.of(table));
		return record;
	}

	private static Map<String, Object> streamRecord(String account, Map<String, Object> state) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("type", "stream");
		record.put("account", account);
		record.put("state", state);
		return record;
	}

	private static Map<String, Object> changeRecord(String account, Map<String, Object> change) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("type", "change");
		record.put("account", account);
		record.put("change", change);
		return record;
	}

	private static Map<String, Object> itemRecord(String account, String table, Map<String, AttributeValue> item) {
		Map<String, Object> record = record("put", account, table);
		record.put("item", AttributeValue.mapToJson(item));
		return record;
	}

	private synchronized void append(Map<String, Object> record) {
		try {
			write(this.channel, record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A change could not be written to " + this.file, ex);
		}
	}

	private static void writeUnchecked(FileChannel channel, Map<String, Object> record) {
		try {
			write(channel, record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(FileChannel channel, Map<String, Object> record) throws IOException {
		byte[] json = Json.write(record);
		CRC32C crc = new CRC32C();
		crc.update(json);
		ByteBuffer buffer = ByteBuffer.allocate(8 + json.length);
		buffer.putInt(json.length).putInt((int) crc.getValue()).put(json).flip();
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	@SuppressWarnings("unchecked")
	private static void replay(Path file, Function<String, Database> databases) throws IOException {
		ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
		while (data.remaining() >= 8) {
			int length = data.getInt();
			int checksum = data.getInt();
			if (length < 0 || length > data.remaining()) {
				return;
			}
			byte[] json = new byte[length];
			data.get(json);
			CRC32C crc = new CRC32C();
			crc.update(json);
			if ((int) crc.getValue() != checksum) {
				return;
			}
			try {
				Object record = Json.parse(json);
				if (!(record instanceof Map)) {
					return;
				}
				TableSnapshot.replay((Map<String, Object>) record, databases);
			}
			catch (MalformedJsonException ex) {
				return;
			}
		}
	}

	@Override
	public synchronized void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The data file " + this.file + " could not be closed", ex);
		}
	}

}
