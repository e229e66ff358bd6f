package io.dynamodown.autoconfigure;

import io.dynamodown.boot.autoconfigure.DynamoDbConnectionDetails;

/**
 * The former name of {@link DynamoDbConnectionDetails}, which says what it holds: a
 * DynamoDB endpoint, region and credentials. A bean that implements this interface is a
 * {@code DynamoDbConnectionDetails} and is used as one; the starter's own connection
 * details implement it too, so an injection point of this type still finds them.
 * {@code LevelDbConnectionDetails.Credentials} still names the credentials record, but an
 * {@code import} of it must name {@code DynamoDbConnectionDetails.Credentials}.
 *
 * @deprecated since 0.1.0, for removal: implement or inject
 * {@link DynamoDbConnectionDetails}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public interface LevelDbConnectionDetails extends DynamoDbConnectionDetails {

}
