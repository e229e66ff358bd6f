package io.dynamodown.internal.storage;

import org.jspecify.annotations.Nullable;

/**
 * The pages of one planned range, in one direction. An iterator reads one source; a
 * merging iterator over several hash keys can read several.
 */
public interface PageSource {

	/**
	 * Reads a page.
	 * @param from where the previous page stopped, or {@code null} for the first page
	 * @param limit the most entries, 0 for DynamoDB's page size alone
	 * @return the page
	 * @throws io.dynamodown.internal.failure.StoreFailure when the request fails
	 */
	Page fetch(@Nullable Continuation from, int limit);

}
