/**
 * DynamoDB's wire protocol: JSON, the HTTP framing of JSON 1.0 requests and answers, the
 * order in which DynamoDB checks a request before it runs, and Signature Version 4.
 */
@NullMarked
package io.dynamodown.server.internal.protocol;

import org.jspecify.annotations.NullMarked;
