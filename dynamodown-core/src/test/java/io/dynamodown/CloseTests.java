package io.dynamodown;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import io.dynamodown.support.LocalDynamo;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Closing a store: writes in flight finish first, new calls are refused at once.
 */
class CloseTests {

	@Test
	void closeWaitsForAWriteInFlightAndRefusesNewCallsMeanwhile() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger batchWrites = new AtomicInteger();
		RequestListener holdFirstBatchWrite = new RequestListener() {

			@Override
			public void onRequest(RequestEvent event) {
				if (event.operation().equals("BatchWriteItem") && batchWrites.incrementAndGet() == 1) {
					writing.countDown();
					await(release);
				}
			}

		};
		LevelDb db = LevelDb.builder(LocalDynamo.client())
			.table(LocalDynamo.freshTable())
			.listener(holdFirstBatchWrite)
			.concurrency(1)
			.open();
		Batch bulk = db.bulk();
		for (int i = 0; i < 60; i++) {
			bulk.put(utf8(String.format("%02d", i)), utf8("v"));
		}
		CompletableFuture<Void> writer = CompletableFuture.runAsync(bulk::write);
		assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> closer = CompletableFuture.runAsync(db::close);
		while (db.isOpen()) {
			Thread.onSpinWait();
		}
		assertThatExceptionOfType(LevelDbException.class).isThrownBy(() -> db.get(utf8("00")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_OPEN));
		assertThat(closer).isNotDone();
		release.countDown();
		closer.get(30, TimeUnit.SECONDS);
		// every request of the write (60 items in requests of 25) was answered before
		// close returned
		assertThat(batchWrites).hasValue(3);
		writer.get(30, TimeUnit.SECONDS);
		try (LevelDb reopened = LevelDb.builder(LocalDynamo.client()).table(db.table()).open()) {
			List<byte[]> keys = reopened.keys(Range.all()).all();
			assertThat(keys).hasSize(60);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
