package io.dynamodown.codec;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDbException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON through Jackson 3, one shared mapper.
 */
final class JsonCodec<T> implements Codec<T> {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Class<T> type;

	JsonCodec(Class<T> type) {
		this.type = type;
	}

	@Override
	public byte[] encode(T value) {
		if (value == null) {
			throw new LevelDbException(ErrorCode.INVALID_VALUE, "a codec cannot encode null");
		}
		try {
			return MAPPER.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new LevelDbException(ErrorCode.INVALID_VALUE,
					"cannot write " + this.type.getSimpleName() + " as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public T decode(byte[] bytes) {
		try {
			return MAPPER.readValue(bytes, this.type);
		}
		catch (JacksonException ex) {
			throw new LevelDbException(ErrorCode.INVALID_VALUE,
					"cannot read " + this.type.getSimpleName() + " from JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
