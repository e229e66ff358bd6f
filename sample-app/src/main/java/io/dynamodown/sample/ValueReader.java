package io.dynamodown.sample;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;

import io.dynamodown.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a request body as a value: at most {@code sample.max-value-size} bytes of
 * well-formed UTF-8. A body announced larger by its {@code Content-Length} is refused
 * before a byte of it is read; a body without a length (chunked) is read until it passes
 * the limit, never further. An empty body is the empty value.
 */
@Component
final class ValueReader {

	private final int maxBytes;

	ValueReader(SampleProperties properties) {
		long maxBytes = properties.maxValueSize().toBytes();
		if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 1) {
			throw new IllegalStateException(
					"sample.max-value-size must be 0 to " + (Integer.MAX_VALUE - 1) + " bytes, was " + maxBytes);
		}
		this.maxBytes = (int) maxBytes;
	}

	/**
	 * Reads the body of a request.
	 * @param request the request
	 * @return the body as text
	 * @throws RefusedRequestException 413 when the body is over the limit, 400 when it is
	 * not UTF-8
	 * @throws IOException when the body cannot be read
	 */
	String read(HttpServletRequest request) throws IOException {
		long announced = request.getContentLengthLong();
		if (announced > this.maxBytes) {
			throw tooLarge("has " + announced + " bytes (Content-Length)");
		}
		byte[] body = request.getInputStream().readNBytes(this.maxBytes + 1);
		if (body.length > this.maxBytes) {
			throw tooLarge("has more");
		}
		try {
			return StrictUtf8.decode(body);
		}
		catch (CharacterCodingException ex) {
			throw new RefusedRequestException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_VALUE,
					"request body is not well-formed UTF-8 (" + body.length + " bytes)");
		}
	}

	private RefusedRequestException tooLarge(String size) {
		return new RefusedRequestException(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.INVALID_VALUE,
				"value size limit (sample.max-value-size) is " + this.maxBytes + " bytes, request body " + size);
	}

}
