package io.dynamodown.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sample application ({@code sample.*}).
 *
 * @param maxValueSize the largest request body accepted as a value; a larger one is
 * answered 413 before it is read. The default is DynamoDB's item size limit, which also
 * counts the key and the attribute names, so a body just under it may still be refused by
 * the store (400, {@code INVALID_VALUE}).
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("400KB") DataSize maxValueSize) {

}
