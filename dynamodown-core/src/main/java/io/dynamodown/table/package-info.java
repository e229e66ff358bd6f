/**
 * The table: its layout (how keys map to items), its attribute names, its billing and its
 * lifecycle at open.
 */
@NullMarked
package io.dynamodown.table;

import org.jspecify.annotations.NullMarked;
