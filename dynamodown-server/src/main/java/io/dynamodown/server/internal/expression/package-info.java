/**
 * DynamoDB's expressions: parsing and checking condition, filter, key condition, update
 * and projection expressions (and the legacy parameters they replace) with DynamoDB's
 * messages, then evaluating them against items.
 */
@NullMarked
package io.dynamodown.server.internal.expression;

import org.jspecify.annotations.NullMarked;
