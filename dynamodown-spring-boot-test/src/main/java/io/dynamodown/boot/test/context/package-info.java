/**
 * Spring TestContext support: every test application context that enables the embedded
 * server shares one in-memory server per JVM, with a database of its own.
 */
@NullMarked
package io.dynamodown.boot.test.context;

import org.jspecify.annotations.NullMarked;
