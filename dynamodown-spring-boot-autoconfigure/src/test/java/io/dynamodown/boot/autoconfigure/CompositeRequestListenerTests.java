package io.dynamodown.boot.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.dynamodown.metrics.ChangesLostEvent;
import io.dynamodown.metrics.RequestEvent;
import io.dynamodown.metrics.RequestListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompositeRequestListener}.
 */
class CompositeRequestListenerTests {

	@Test
	void everyNotificationOfTheListenerInterfaceIsPassedOn() {
		List<String> passedOn = Arrays.stream(CompositeRequestListener.class.getDeclaredMethods())
			.map(Method::getName)
			.toList();
		Arrays.stream(RequestListener.class.getDeclaredMethods())
			.filter((method) -> !Modifier.isStatic(method.getModifiers()))
			.forEach((method) -> assertThat(passedOn).contains(method.getName()));
	}

	@Test
	void lostChangesReachEveryListenerInOrder() {
		List<String> calls = new ArrayList<>();
		RequestListener composite = CompositeRequestListener
			.of(List.of(new Recording("first", calls), new Recording("second", calls)));
		composite.onChangesLost(new ChangesLostEvent("orders", "app", "shard-1", "trimmed"));
		assertThat(calls).containsExactly("first shard-1", "second shard-1");
	}

	private record Recording(String name, List<String> calls) implements RequestListener {

		@Override
		public void onRequest(RequestEvent event) {
		}

		@Override
		public void onChangesLost(ChangesLostEvent event) {
			this.calls.add(this.name + " " + event.shardId());
		}

	}

}
