package io.dynamodown.server.internal.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A table's stream specification and its latest stream's label and ARN, as
 * {@code DescribeTable} shows them.
 */
final class StreamSettings {

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private boolean enabled;

	private @Nullable String viewType;

	private @Nullable String label;

	private final String tableArn;

	StreamSettings(String tableArn) {
		this.tableArn = tableArn;
	}

	/**
	 * Applies a request's {@code StreamSpecification}.
	 * @param specification the member, or {@code null}
	 * @param now the time, which labels a new stream
	 */
	void apply(@Nullable Object specification, Instant now) {
		if (!(specification instanceof Map)) {
			return;
		}
		Map<?, ?> map = (Map<?, ?>) specification;
		if (Boolean.TRUE.equals(map.get("StreamEnabled"))) {
			this.enabled = true;
			this.viewType = (String) map.get("StreamViewType");
			this.label = LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(LABEL);
		}
		else {
			this.enabled = false;
			this.viewType = null;
		}
	}

	boolean enabled() {
		return this.enabled;
	}

	@Nullable String viewType() {
		return this.viewType;
	}

	/**
	 * Returns the ARN of the latest stream.
	 * @return the ARN, or {@code null} if the table never had a stream
	 */
	@Nullable String arn() {
		return (this.label != null) ? this.tableArn + "/stream/" + this.label : null;
	}

	void describe(Map<String, Object> table) {
		if (this.enabled) {
			Map<String, Object> specification = new LinkedHashMap<>();
			specification.put("StreamEnabled", true);
			specification.put("StreamViewType", this.viewType);
			table.put("StreamSpecification", specification);
		}
		if (this.label != null) {
			table.put("LatestStreamLabel", this.label);
			table.put("LatestStreamArn", arn());
		}
	}

}
