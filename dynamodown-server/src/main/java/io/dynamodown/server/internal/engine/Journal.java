package io.dynamodown.server.internal.engine;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dynamodown.server.internal.model.AttributeValue;
import io.dynamodown.server.internal.stream.RecordedChange;
import io.dynamodown.server.internal.stream.StreamJournal;

/**
 * Where a database records its changes as they are made (under its write lock), before
 * the request is answered: the disk, for a server that keeps its data.
 */
interface Journal {

	/** Records nothing: the data lives in memory only. */
	Journal NONE = new Journal() {

		@Override
		public void tableCreated(Map<String, Object> request) {
		}

		@Override
		public void tableUpdated(Table table) {
		}

		@Override
		public void tableDeleted(String name) {
		}

		@Override
		public void itemWritten(Table table, PrimaryKey key, @Nullable Map<String, AttributeValue> item,
				@Nullable RecordedChange change) {
		}

		@Override
		public StreamJournal streams() {
			return StreamJournal.NONE;
		}

	};

	/**
	 * A table was created.
	 * @param request the validated {@code CreateTable} request
	 */
	void tableCreated(Map<String, Object> request);

	/**
	 * A table's settings changed.
	 * @param table the table
	 */
	void tableUpdated(Table table);

	/**
	 * A table was deleted.
	 * @param name the table name
	 */
	void tableDeleted(String name);

	/**
	 * An item was written or deleted.
	 * @param table the table
	 * @param key the item's key
	 * @param item the new item, or {@code null} if it was deleted
	 * @param change the record the table's stream added for it, kept with it, or
	 * {@code null}
	 */
	void itemWritten(Table table, PrimaryKey key, @Nullable Map<String, AttributeValue> item,
			@Nullable RecordedChange change);

	/**
	 * Returns where the account's streams record their changes.
	 * @return the streams' journal
	 */
	StreamJournal streams();

}
