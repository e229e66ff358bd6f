package io.dynamodown.iterator;

/**
 * Lets an iterator ask whether its store is still open before it reads a new page.
 */
@FunctionalInterface
public interface StoreGuard {

	/**
	 * Checks that the store is open.
	 * @throws io.dynamodown.LevelDbException {@link io.dynamodown.ErrorCode#NOT_OPEN}
	 * when it is not
	 */
	void checkOpen();

}
