package io.dynamodown.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An SDK {@link ExecutionInterceptor} that, once {@link #holdRequests()} is called, holds
 * every request before it is sent until the SDK's timeout interrupts the calling thread
 * (30 seconds at most), so that timeouts are tested without a slow server.
 */
public final class HoldingInterceptor implements ExecutionInterceptor {

	private final AtomicBoolean holding = new AtomicBoolean();

	private final CountDownLatch never = new CountDownLatch(1);

	/**
	 * Holds every request sent from now on.
	 */
	public void holdRequests() {
		this.holding.set(true);
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		if (this.holding.get()) {
			try {
				this.never.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
