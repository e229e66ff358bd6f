package io.dynamodown.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sample application ({@code sample.*}).
 *
 * @param maxValueSize the largest request body accepted as a value; a larger one is
 * answered 413 before it is read. The default is the store's largest value
 * ({@code dynamodown.max-value-size}, 16 MB), to which {@code application.yml} binds it:
 * the store counts a value as stored, after compression, which never makes it larger, so
 * every body under this limit fits the store.
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("16MB") DataSize maxValueSize) {

}
