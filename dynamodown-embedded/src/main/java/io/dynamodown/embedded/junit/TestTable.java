package io.dynamodown.embedded.junit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a DynamoDB table reserved for one test. The table does not exist until the
 * test creates it; {@link EmbeddedDynamoDbExtension} deletes it after the test if it
 * does.
 *
 * @param name the table name, unique in the test run and valid for DynamoDB (3 to 255
 * characters of {@code [a-zA-Z0-9_.-]})
 */
public record TestTable(String name) {

	private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

	/**
	 * Creates a table name holder.
	 * @param name the table name
	 * @throws IllegalArgumentException if the name is not a valid DynamoDB table name
	 */
	public TestTable {
		Objects.requireNonNull(name, "'name' must not be null");
		if (!VALID_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"'name' must be 3 to 255 characters of [a-zA-Z0-9_.-], was '" + name + "'");
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
