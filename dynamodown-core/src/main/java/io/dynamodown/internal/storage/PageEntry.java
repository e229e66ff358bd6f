package io.dynamodown.internal.storage;

/**
 * One entry of a page: a key, relative to the view that asked, and its value (empty when
 * only keys were read).
 *
 * @param key the key
 * @param value the value
 */
public record PageEntry(byte[] key, byte[] value) {

}
