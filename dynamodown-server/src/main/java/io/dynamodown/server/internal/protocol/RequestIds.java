package io.dynamodown.server.internal.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids as DynamoDB's {@code x-amzn-RequestId} header has them: 52 random digits
 * and upper-case letters. They only tell requests apart in logs, so a fast random source
 * will do.
 */
final class RequestIds {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

	private static final int LENGTH = 52;

	private RequestIds() {
	}

	static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

}
