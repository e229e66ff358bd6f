package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Provisioned throughput of a table or a global index, as {@code DescribeTable} shows it
 * (zeros for on-demand tables). A change that {@code UpdateTable} requests takes effect
 * when the table is {@code ACTIVE} again, as DynamoDB's do.
 */
final class Throughput {

	private long readCapacityUnits;

	private long writeCapacityUnits;

	private @Nullable Instant lastIncrease;

	private @Nullable Instant lastDecrease;

	private int decreasesToday;

	private @Nullable Pending pending;

	Throughput(long readCapacityUnits, long writeCapacityUnits) {
		this.readCapacityUnits = readCapacityUnits;
		this.writeCapacityUnits = writeCapacityUnits;
	}

	/**
	 * Reads a request's {@code ProvisionedThroughput}.
	 * @param json the member, or {@code null}
	 * @return the throughput (zeros when absent)
	 */
	static Throughput of(@Nullable Object json) {
		if (!(json instanceof Map)) {
			return new Throughput(0, 0);
		}
		Map<?, ?> map = (Map<?, ?>) json;
		return new Throughput(units(map.get("ReadCapacityUnits")), units(map.get("WriteCapacityUnits")));
	}

	private static long units(@Nullable Object value) {
		return (value instanceof BigDecimal) ? ((BigDecimal) value).longValue() : 0;
	}

	/**
	 * Returns the read capacity, or the one a pending change asks for.
	 * @return the read capacity units
	 */
	synchronized long readCapacityUnits() {
		return (this.pending != null) ? this.pending.read() : this.readCapacityUnits;
	}

	/**
	 * Returns the write capacity, or the one a pending change asks for.
	 * @return the write capacity units
	 */
	synchronized long writeCapacityUnits() {
		return (this.pending != null) ? this.pending.write() : this.writeCapacityUnits;
	}

	/**
	 * Changes the capacities at once, recording increases and decreases as DynamoDB does.
	 * @param read the new read capacity
	 * @param write the new write capacity
	 * @param now the time of the change
	 */
	synchronized void change(long read, long write, Instant now) {
		this.pending = null;
		apply(read, write, now);
	}

	/**
	 * Requests a change that takes effect later. Until then the capacities stay; the
	 * increase or decrease is recorded at once, and again when it takes effect (a
	 * decrease counts towards the day's decreases only then).
	 * @param read the requested read capacity
	 * @param write the requested write capacity
	 * @param now the time of the request
	 * @param effective when the change takes effect
	 */
	synchronized void request(long read, long write, Instant now, Instant effective) {
		if (read > this.readCapacityUnits || write > this.writeCapacityUnits) {
			this.lastIncrease = now;
		}
		if (read < this.readCapacityUnits || write < this.writeCapacityUnits) {
			this.lastDecrease = now;
		}
		this.pending = new Pending(read, write, effective);
	}

	private void apply(long read, long write, Instant at) {
		if (read > this.readCapacityUnits || write > this.writeCapacityUnits) {
			this.lastIncrease = at;
		}
		if (read < this.readCapacityUnits || write < this.writeCapacityUnits) {
			this.lastDecrease = at;
			this.decreasesToday++;
		}
		this.readCapacityUnits = read;
		this.writeCapacityUnits = write;
	}

	/**
	 * Describes the throughput as it is at a time, applying a pending change whose time
	 * has come.
	 * @param now the time
	 * @return the {@code ProvisionedThroughput} JSON object
	 */
	synchronized Map<String, Object> toJson(Instant now) {
		Pending change = this.pending;
		if (change != null && !now.isBefore(change.effective())) {
			this.pending = null;
			apply(change.read(), change.write(), change.effective());
		}
		Map<String, Object> json = new LinkedHashMap<>();
		if (this.lastIncrease != null) {
			json.put("LastIncreaseDateTime", Tables.epochSeconds(this.lastIncrease));
		}
		if (this.lastDecrease != null) {
			json.put("LastDecreaseDateTime", Tables.epochSeconds(this.lastDecrease));
		}
		json.put("NumberOfDecreasesToday", (long) this.decreasesToday);
		json.put("ReadCapacityUnits", this.readCapacityUnits);
		json.put("WriteCapacityUnits", this.writeCapacityUnits);
		return json;
	}

	/**
	 * A change requested and not yet in effect.
	 *
	 * @param read the requested read capacity
	 * @param write the requested write capacity
	 * @param effective when it takes effect
	 */
	private record Pending(long read, long write, Instant effective) {
	}

}
