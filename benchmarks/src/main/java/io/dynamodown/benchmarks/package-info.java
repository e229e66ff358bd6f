/**
 * Benchmarks of dynamodown against the raw AWS SDK doing the same work on one embedded
 * DynamoDB server (the project's own, {@code dynamodown-server}): times, request counts
 * and consumed capacity, side by side. Run {@link io.dynamodown.benchmarks.Benchmarks}.
 * Beside them, the compression codecs measured on real JSON and random bytes: run
 * {@link io.dynamodown.benchmarks.CompressionMeasurement}. What storing the same values
 * costs in capacity and stored bytes, compressed and chunked against the raw SDK
 * uncompressed: run {@link io.dynamodown.benchmarks.CapacityBenchmark}. The embedded
 * server's own start times and requests per second: run
 * {@link io.dynamodown.benchmarks.Benchmarks} with
 * {@code --only server-start,server-restart,server-throughput}; a cold start alone:
 * {@link io.dynamodown.benchmarks.ServerStartProbe}.
 */
@NullMarked
package io.dynamodown.benchmarks;

import org.jspecify.annotations.NullMarked;
