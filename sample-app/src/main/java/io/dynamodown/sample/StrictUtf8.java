package io.dynamodown.sample;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 refusing malformed input, where {@code new String(bytes, UTF_8)} would
 * silently put U+FFFD in its place (and two different byte sequences would then name the
 * same key).
 */
final class StrictUtf8 {

	private StrictUtf8() {
	}

	/**
	 * Decodes bytes.
	 * @param bytes the bytes
	 * @return the text
	 * @throws CharacterCodingException when the bytes are not well-formed UTF-8 (a lone
	 * surrogate's encoding included)
	 */
	static String decode(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
	}

}
