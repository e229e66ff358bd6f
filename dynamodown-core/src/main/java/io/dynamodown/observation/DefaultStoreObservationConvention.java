package io.dynamodown.observation;

import io.dynamodown.observation.StoreObservationDocumentation.HighCardinalityKeys;
import io.dynamodown.observation.StoreObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The keys of {@link StoreObservationDocumentation#OPERATION}, named
 * {@code dynamodown.operation}.
 */
public class DefaultStoreObservationConvention implements StoreObservationConvention {

	/** The observation's name. */
	public static final String NAME = "dynamodown.operation";

	/** Creates the convention. */
	public DefaultStoreObservationConvention() {
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(StoreObservationContext context) {
		return "dynamodown " + context.operation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(StoreObservationContext context) {
		@Nullable String error = context.errorCode();
		return KeyValues.of(LowCardinalityKeys.DB_SYSTEM.withValue("aws.dynamodb"),
				LowCardinalityKeys.OPERATION_NAME.withValue(context.operation()),
				LowCardinalityKeys.TABLE_NAMES.withValue(context.table()),
				LowCardinalityKeys.OUTCOME.withValue((error != null) ? "failure" : "success"),
				LowCardinalityKeys.ERROR_TYPE.withValue((error != null) ? error : "none"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(StoreObservationContext context) {
		return KeyValues.of(HighCardinalityKeys.HASH_KEY.withValue(context.hashKey()),
				HighCardinalityKeys.REQUESTS.withValue(Long.toString(context.requests())),
				HighCardinalityKeys.READ_CAPACITY.withValue(Double.toString(context.readUnits())),
				HighCardinalityKeys.WRITE_CAPACITY.withValue(Double.toString(context.writeUnits())),
				HighCardinalityKeys.ITEMS.withValue(Long.toString(context.items())));
	}

}
