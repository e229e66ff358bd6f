package io.dynamodown.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a store operation, {@code dynamodown.operation}, and its keys after
 * OpenTelemetry's database and DynamoDB conventions.
 */
public enum StoreObservationDocumentation implements ObservationDocumentation {

	/**
	 * One store operation (get, put, delete, getMany, batch, bulk, clear,
	 * approximateSize, tableStatus, open) or one page read by an iterator.
	 */
	OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultStoreObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	};

	/**
	 * The low-cardinality keys: a few values each, fit for metric tags.
	 */
	public enum LowCardinalityKeys implements KeyName {

		/** The database system, always {@code aws.dynamodb}. */
		DB_SYSTEM {
			@Override
			public String asString() {
				return "db.system.name";
			}
		},

		/** The store operation, e.g. {@code get}, {@code put}, {@code iterator.page}. */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "db.operation.name";
			}
		},

		/** The DynamoDB table. */
		TABLE_NAMES {
			@Override
			public String asString() {
				return "aws.dynamodb.table_names";
			}
		},

		/** {@code success} or {@code failure}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The error code's name of a failed operation, or {@code none}. */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/**
	 * The high-cardinality keys: for traces, not metric tags.
	 */
	public enum HighCardinalityKeys implements KeyName {

		/** The store's hash key. */
		HASH_KEY {
			@Override
			public String asString() {
				return "dynamodown.hash_key";
			}
		},

		/** How many DynamoDB requests the operation sent. */
		REQUESTS {
			@Override
			public String asString() {
				return "dynamodown.requests";
			}
		},

		/** The read capacity units the operation consumed. */
		READ_CAPACITY {
			@Override
			public String asString() {
				return "aws.dynamodb.consumed_capacity.read";
			}
		},

		/** The write capacity units the operation consumed. */
		WRITE_CAPACITY {
			@Override
			public String asString() {
				return "aws.dynamodb.consumed_capacity.write";
			}
		},

		/** How many keys the operation read or wrote. */
		ITEMS {
			@Override
			public String asString() {
				return "dynamodown.items";
			}
		}

	}

}
