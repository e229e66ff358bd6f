/**
 * The one error type of the server, carrying DynamoDB's error type, status and message.
 */
@NullMarked
package io.dynamodown.server.internal.error;

import org.jspecify.annotations.NullMarked;
