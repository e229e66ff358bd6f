/**
 * DynamoDB's data model: attribute values, their JSON form, ordering and sizes.
 */
@NullMarked
package io.dynamodown.server.internal.model;

import org.jspecify.annotations.NullMarked;
