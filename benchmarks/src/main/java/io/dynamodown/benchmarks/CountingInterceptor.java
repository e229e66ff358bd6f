package io.dynamodown.benchmarks;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Counts every API call an SDK client completes (one per call, whatever the SDK's own
 * retries) and the capacity DynamoDB reports for it, into a {@link RequestMeter}. Failed
 * calls count as requests with no capacity.
 */
final class CountingInterceptor implements ExecutionInterceptor {

	private final RequestMeter meter;

	/**
	 * Creates an interceptor.
	 * @param meter where requests are counted
	 */
	CountingInterceptor(RequestMeter meter) {
		this.meter = meter;
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
		this.meter.record(capacityOf(context.response()));
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
		this.meter.record(0);
	}

	/**
	 * The capacity units a response reports, reads and writes together.
	 * @param response the response
	 * @return the units, 0 when none are reported
	 */
	static double capacityOf(SdkResponse response) {
		if (response instanceof GetItemResponse get) {
			return units(get.consumedCapacity());
		}
		if (response instanceof PutItemResponse put) {
			return units(put.consumedCapacity());
		}
		if (response instanceof DeleteItemResponse delete) {
			return units(delete.consumedCapacity());
		}
		if (response instanceof QueryResponse query) {
			return units(query.consumedCapacity());
		}
		if (response instanceof BatchGetItemResponse batchGet) {
			return units(batchGet.consumedCapacity());
		}
		if (response instanceof BatchWriteItemResponse batchWrite) {
			return units(batchWrite.consumedCapacity());
		}
		if (response instanceof TransactWriteItemsResponse transact) {
			return units(transact.consumedCapacity());
		}
		return 0;
	}

	private static double units(List<ConsumedCapacity> capacities) {
		double total = 0;
		for (ConsumedCapacity capacity : capacities) {
			total += units(capacity);
		}
		return total;
	}

	private static double units(@Nullable ConsumedCapacity capacity) {
		return (capacity != null && capacity.capacityUnits() != null) ? capacity.capacityUnits() : 0;
	}

}
