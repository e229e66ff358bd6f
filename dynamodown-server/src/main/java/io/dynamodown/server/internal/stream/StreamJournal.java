package io.dynamodown.server.internal.stream;

import java.util.Map;

/**
 * Where an account's streams record how they change, for a server that keeps its data: a
 * stream's state (status and shards, without records) whenever it is opened, rolls its
 * shards over or is disabled. Records themselves are kept with the item change they
 * belong to ({@link RecordedChange}). Called under the stream's lock.
 */
public interface StreamJournal {

	/** Records nothing: the streams live in memory only. */
	StreamJournal NONE = (state) -> {
	};

	/**
	 * A stream was opened or changed.
	 * @param state the stream's state, for {@link StreamLog#restore(Map)}
	 */
	void streamChanged(Map<String, Object> state);

}
