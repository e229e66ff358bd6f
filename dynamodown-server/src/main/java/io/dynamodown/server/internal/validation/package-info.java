/**
 * Request validation as DynamoDB and DynamoDB Streams do it, before any table or stream
 * is looked at: the types of a request body ({@code SerializationException}), its
 * constraints ({@code ValidationException} "N validation errors detected: ...") and each
 * operation's own table-independent checks, in DynamoDB's order and words. Each operation
 * is described by a declarative {@link io.dynamodown.server.internal.validation.Shape}
 * that a small type checker and a constraint checker interpret.
 */
@NullMarked
package io.dynamodown.server.internal.validation;

import org.jspecify.annotations.NullMarked;
