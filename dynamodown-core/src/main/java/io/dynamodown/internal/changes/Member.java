package io.dynamodown.internal.changes;

/**
 * A running subscriber of a consumer name, as its membership record says.
 *
 * @param id the subscriber id
 * @param until when its membership ends unless renewed, in epoch milliseconds
 */
public record Member(String id, long until) {

}
