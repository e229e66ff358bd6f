/**
 * Key ranges: unsigned byte order and the planning of a range into one DynamoDB key
 * condition.
 */
@NullMarked
package io.dynamodown.range;

import org.jspecify.annotations.NullMarked;
