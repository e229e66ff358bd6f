package io.dynamodown.internal.changes;

import io.dynamodown.internal.failure.StoreFailure;
import io.dynamodown.internal.failure.StoreFailure.Kind;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Whether a table has a stream the change feed can read: enabled, with both images of
 * every item (the values before and after each change). Pure: no I/O.
 */
public final class StreamCheck {

	private StreamCheck() {
	}

	/**
	 * The ARN of the table's stream, checked.
	 * @param table the table's description
	 * @return the ARN of its latest stream
	 * @throws StoreFailure {@link Kind#STREAM_UNAVAILABLE} naming the table setting to
	 * change when the table has no stream or one of another view type
	 */
	public static String streamArnOf(TableDescription table) {
		String name = table.tableName();
		StreamSpecification specification = table.streamSpecification();
		if (specification == null || !Boolean.TRUE.equals(specification.streamEnabled())
				|| table.latestStreamArn() == null) {
			throw new StoreFailure(Kind.STREAM_UNAVAILABLE, "table '" + name
					+ "' has no stream; the change feed needs its StreamSpecification set to StreamEnabled=true,"
					+ " StreamViewType=NEW_AND_OLD_IMAGES (UpdateTable, or aws dynamodb update-table --table-name "
					+ name + " --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES);"
					+ " tables the store creates have it");
		}
		if (specification.streamViewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
			throw new StoreFailure(Kind.STREAM_UNAVAILABLE,
					"table '" + name + "' has a stream of StreamViewType " + specification.streamViewTypeAsString()
							+ "; the change feed needs NEW_AND_OLD_IMAGES: set the table's StreamSpecification to"
							+ " StreamEnabled=false, then to StreamEnabled=true, StreamViewType=NEW_AND_OLD_IMAGES"
							+ " (DynamoDB cannot change the view type of a stream in place)");
		}
		return table.latestStreamArn();
	}

}
