package io.dynamodown.server.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Provisioned throughput of a table or a global index, as {@code DescribeTable} shows it
 * (zeros for on-demand tables).
 */
final class Throughput {

	private long readCapacityUnits;

	private long writeCapacityUnits;

	private @Nullable Instant lastIncrease;

	private @Nullable Instant lastDecrease;

	private int decreasesToday;

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

	long readCapacityUnits() {
		return this.readCapacityUnits;
	}

	long writeCapacityUnits() {
		return this.writeCapacityUnits;
	}

	/**
	 * Changes the capacities, recording increases and decreases as DynamoDB does.
	 * @param read the new read capacity
	 * @param write the new write capacity
	 * @param now the time of the change
	 */
	void change(long read, long write, Instant now) {
		if (read > this.readCapacityUnits || write > this.writeCapacityUnits) {
			this.lastIncrease = now;
		}
		if (read < this.readCapacityUnits || write < this.writeCapacityUnits) {
			this.lastDecrease = now;
			this.decreasesToday++;
		}
		this.readCapacityUnits = read;
		this.writeCapacityUnits = write;
	}

	Map<String, Object> toJson() {
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

}
