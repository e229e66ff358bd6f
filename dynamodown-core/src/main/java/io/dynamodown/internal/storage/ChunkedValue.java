package io.dynamodown.internal.storage;

import io.dynamodown.internal.value.Manifest;

/**
 * A value held by chunk items, with the key it belongs to: a chunk is read as part of the
 * value, or deleted with it, only when its own form names that key.
 *
 * @param owner the full key whose item holds the manifest
 * @param manifest the manifest naming the chunks
 */
record ChunkedValue(byte[] owner, Manifest manifest) {

}
