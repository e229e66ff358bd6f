package io.dynamodown.iterator;

import java.util.Map;

import io.dynamodown.range.SortKeyRange;
import io.dynamodown.storage.DynamoStorage;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The pages of one planned range of one hash key, in one direction: each page is one
 * {@code Query}. A merging iterator over several hash keys can be built from several
 * sources.
 */
public final class PageSource {

	private final DynamoStorage storage;

	private final SortKeyRange range;

	private final boolean reverse;

	private final boolean keysOnly;

	/**
	 * Creates a source.
	 * @param storage the storage to query
	 * @param range the planned range, not empty
	 * @param reverse read from the greatest key down
	 * @param keysOnly read only the sort key
	 */
	public PageSource(DynamoStorage storage, SortKeyRange range, boolean reverse, boolean keysOnly) {
		this.storage = storage;
		this.range = range;
		this.reverse = reverse;
		this.keysOnly = keysOnly;
	}

	/**
	 * Reads a page.
	 * @param start where the previous page stopped, or {@code null} for the first page
	 * @param limit the most items, 0 for DynamoDB's page size alone
	 * @return the page
	 */
	public Page fetch(@Nullable Map<String, AttributeValue> start, int limit) {
		QueryResponse response = this.storage.query(this.range, this.reverse, limit, this.keysOnly, start);
		Map<String, AttributeValue> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
				? response.lastEvaluatedKey() : null;
		return new Page(response.items(), next);
	}

}
