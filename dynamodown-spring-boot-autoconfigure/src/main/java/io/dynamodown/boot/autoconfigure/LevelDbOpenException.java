package io.dynamodown.boot.autoconfigure;

import java.net.URI;

import io.dynamodown.LevelDbException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when the {@code LevelDb} bean cannot be opened: wraps the store's
 * {@link LevelDbException} with where the client was pointed, so that
 * {@link LevelDbOpenFailureAnalyzer} can name the endpoint, the region and the property
 * to change.
 */
public class LevelDbOpenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The table the store was opened on. */
	private final @Nullable String table;

	/** The store's hash key. */
	private final String hashKey;

	/** The client's endpoint override, or {@code null} for AWS. */
	private final @Nullable URI endpoint;

	/** The client's region, or {@code null} when unknown. */
	private final @Nullable String region;

	/** The store's failure. */
	private final LevelDbException failure;

	/** Where the store's properties are: {@code dynamodown} or an entry of stores. */
	private final String propertyPrefix;

	/**
	 * Creates the exception.
	 * @param table the table the store was opened on
	 * @param hashKey the store's hash key
	 * @param endpoint the client's endpoint override, or {@code null} for AWS
	 * @param region the client's region, or {@code null} when unknown
	 * @param cause the store's failure
	 */
	public LevelDbOpenException(@Nullable String table, String hashKey, @Nullable URI endpoint, @Nullable String region,
			LevelDbException cause) {
		this(table, hashKey, endpoint, region, cause, "dynamodown");
	}

	/**
	 * Creates the exception for a store whose properties are under a prefix.
	 * @param table the table the store was opened on
	 * @param hashKey the store's hash key
	 * @param endpoint the client's endpoint override, or {@code null} for AWS
	 * @param region the client's region, or {@code null} when unknown
	 * @param cause the store's failure
	 * @param propertyPrefix where the store's own properties are: {@code dynamodown}, or
	 * {@code dynamodown.stores.<name>} for an entry of {@code dynamodown.stores}
	 */
	public LevelDbOpenException(@Nullable String table, String hashKey, @Nullable URI endpoint, @Nullable String region,
			LevelDbException cause, String propertyPrefix) {
		super("Could not open the store on table '" + table + "' at " + where(endpoint, region) + ": "
				+ cause.getMessage(), cause);
		this.table = table;
		this.hashKey = hashKey;
		this.endpoint = endpoint;
		this.region = region;
		this.failure = cause;
		this.propertyPrefix = propertyPrefix;
	}

	/**
	 * Where the store's own properties are.
	 * @return {@code dynamodown}, or {@code dynamodown.stores.<name>}
	 */
	public String getPropertyPrefix() {
		return this.propertyPrefix;
	}

	/**
	 * The table the store was opened on.
	 * @return the table name
	 */
	public @Nullable String getTable() {
		return this.table;
	}

	/**
	 * The store's hash key.
	 * @return the hash key
	 */
	public String getHashKey() {
		return this.hashKey;
	}

	/**
	 * The client's endpoint override.
	 * @return the endpoint, or {@code null} for the region's AWS endpoint
	 */
	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The client's region.
	 * @return the region id, or {@code null} when unknown
	 */
	public @Nullable String getRegion() {
		return this.region;
	}

	/**
	 * The store's failure.
	 * @return the cause
	 */
	@Override
	public synchronized LevelDbException getCause() {
		return this.failure;
	}

	/**
	 * Where the client sends requests, for messages.
	 * @return the endpoint and region
	 */
	String where() {
		return where(this.endpoint, this.region);
	}

	private static String where(@Nullable URI endpoint, @Nullable String region) {
		String inRegion = (region != null) ? "region " + region : "the SDK's default region";
		return (endpoint != null) ? endpoint + " (" + inRegion + ")" : "AWS, " + inRegion;
	}

}
