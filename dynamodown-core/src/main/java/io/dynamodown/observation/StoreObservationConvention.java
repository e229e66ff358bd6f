package io.dynamodown.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of a store operation's observation; a store given one uses it in
 * place of {@link DefaultStoreObservationConvention}.
 */
public interface StoreObservationConvention extends ObservationConvention<StoreObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof StoreObservationContext;
	}

}
