package io.dynamodown.embedded.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the test run's shared
 * {@link io.dynamodown.embedded.EmbeddedDynamoDb}. Equivalent to
 * {@code @ExtendWith(EmbeddedDynamoDbExtension.class)}; see
 * {@link EmbeddedDynamoDbExtension} for the parameters it resolves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedDynamoDbExtension.class)
public @interface EmbeddedDynamoDbTest {

}
