/**
 * Deprecated names of types that moved under {@code io.dynamodown.boot}, kept so that
 * code and configuration written for them keep working until they are removed; see
 * "Packages" in the project's docs/spring-boot.md.
 */
@NullMarked
package io.dynamodown.autoconfigure;

import org.jspecify.annotations.NullMarked;
