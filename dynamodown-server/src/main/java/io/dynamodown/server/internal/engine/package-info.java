/**
 * Tables, items and the operations of DynamoDB's API over them.
 */
@NullMarked
package io.dynamodown.server.internal.engine;

import org.jspecify.annotations.NullMarked;
