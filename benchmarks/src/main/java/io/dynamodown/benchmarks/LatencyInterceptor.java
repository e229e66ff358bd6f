package io.dynamodown.benchmarks;

import java.time.Duration;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Delays every attempt of a request by a fixed time before it is sent, standing for the
 * network round trip to DynamoDB that an in-process server does not have. Both sides of
 * the benchmark get the same delay.
 */
final class LatencyInterceptor implements ExecutionInterceptor {

	private final Duration latency;

	LatencyInterceptor(Duration latency) {
		this.latency = latency;
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		try {
			Thread.sleep(this.latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
