/**
 * Keys as unsigned byte strings: LevelDB's order, which is also DynamoDB's order of
 * binary sort keys.
 */
@NullMarked
package io.dynamodown.key;

import org.jspecify.annotations.NullMarked;
