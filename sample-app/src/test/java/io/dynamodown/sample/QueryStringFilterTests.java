package io.dynamodown.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which query strings {@link QueryStringFilter} lets through.
 */
class QueryStringFilterTests {

	@Test
	void wellFormedQueriesPass() {
		assertThat(QueryStringFilter.firstInvalidParameter(null)).isNull();
		assertThat(QueryStringFilter.firstInvalidParameter("")).isNull();
		assertThat(QueryStringFilter.firstInvalidParameter("key=a%2Fb&reverse&limit=10")).isNull();
		assertThat(QueryStringFilter.firstInvalidParameter("key=%C3%A9t%C3%A9+%F0%9F%98%80")).isNull();
		assertThat(QueryStringFilter.firstInvalidParameter("key=")).isNull();
	}

	@Test
	void malformedPercentEncodingIsNamed() {
		assertThat(QueryStringFilter.firstInvalidParameter("limit=1&gt=%ZZ")).isEqualTo("gt");
		assertThat(QueryStringFilter.firstInvalidParameter("gt=%F")).isEqualTo("gt");
		assertThat(QueryStringFilter.firstInvalidParameter("gt=abc%")).isEqualTo("gt");
	}

	@Test
	void malformedUtf8IsNamed() {
		assertThat(QueryStringFilter.firstInvalidParameter("gt=%FF%FE")).isEqualTo("gt");
		assertThat(QueryStringFilter.firstInvalidParameter("key=%C3")).isEqualTo("key");
		assertThat(QueryStringFilter.firstInvalidParameter("key=%ED%A0%80")).isEqualTo("key");
		assertThat(QueryStringFilter.firstInvalidParameter("%FF=1")).isEqualTo("%FF");
	}

}
