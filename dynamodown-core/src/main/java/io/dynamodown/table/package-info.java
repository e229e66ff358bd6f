/**
 * Options of the table a store uses: its attribute names and the billing of a table the
 * store creates.
 */
@NullMarked
package io.dynamodown.table;

import org.jspecify.annotations.NullMarked;
