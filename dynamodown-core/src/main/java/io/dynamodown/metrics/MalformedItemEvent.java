package io.dynamodown.metrics;

/**
 * A stored item that a maintenance operation ({@code repair}, {@code clear},
 * {@code approximateSize}) or a write over it could not read, and skipped, as reported to
 * a {@link RequestListener}: written by something other than the store, or damaged. The
 * operation did the rest of its work.
 *
 * @param operation the store operation that met it, such as {@code repair}
 * @param table the table name
 * @param key the key whose item (or chunk) it is, in lower-case hex, sublevel prefix
 * included
 * @param problem what is wrong with it
 */
public record MalformedItemEvent(String operation, String table, String key, String problem) {

}
