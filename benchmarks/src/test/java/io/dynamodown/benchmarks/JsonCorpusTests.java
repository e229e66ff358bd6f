package io.dynamodown.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonCorpus}.
 */
class JsonCorpusTests {

	private static final JsonNodeParser PARSER = JsonNodeParser.create();

	private final JsonCorpus corpus = JsonCorpus.load();

	@Test
	void entriesAreJsonObjectsWithAName() {
		assertThat(this.corpus.entries()).hasSizeGreaterThan(500);
		for (byte[] entry : this.corpus.entries()) {
			assertThat(entry[0]).isEqualTo((byte) '{');
			JsonNode node = PARSER.parse(entry);
			assertThat(node.isObject()).isTrue();
			assertThat(node.asObject().get("name").asString()).isNotEmpty();
		}
	}

	@Test
	void splitterFindsTheSameEntriesAsAParser() {
		String json = """
				{
				  "groups": [{"name": "g", "properties": [{"name": "not.this"}]}],
				  "properties": [
				    {"name": "a.b", "type": "java.lang.String", "description": "Says \\"properties\\": [ and }."},
				    {"name": "a.c", "defaultValue": [1, 2], "deprecation": {"level": "error"}}
				  ],
				  "hints": [{"name": "a.b", "values": [{"value": "x"}]}]
				}
				""";
		List<String> entries = JsonCorpus.propertyEntries(json);
		List<JsonNode> parsed = PARSER.parse(json).asObject().get("properties").asArray();
		assertThat(entries).hasSameSizeAs(parsed);
		for (int i = 0; i < entries.size(); i++) {
			JsonNode entry = PARSER.parse(entries.get(i));
			assertThat(entry.asObject().keySet()).isEqualTo(parsed.get(i).asObject().keySet());
			assertThat(entry.asObject().get("name").asString())
				.isEqualTo(parsed.get(i).asObject().get("name").asString());
		}
		assertThat(entries.get(0)).doesNotContain(" \"")
			.startsWith("{\"name\":\"a.b\"")
			.contains("Says \\\"properties\\\": [ and }.");
	}

	@Test
	void documentsAreJsonArraysWithinTheBounds() {
		List<byte[]> documents = this.corpus.documents(2 * 1024, 8 * 1024);
		assertThat(documents).hasSizeGreaterThan(50);
		for (byte[] document : documents) {
			assertThat(document.length).isBetween(2 * 1024, 8 * 1024);
			JsonNode node = PARSER.parse(document);
			assertThat(node.isArray()).isTrue();
			assertThat(node.asArray()).allMatch(JsonNode::isObject);
		}
	}

	@Test
	void sameDocumentsInTheSameOrderOnEveryLoad() {
		JsonCorpus again = JsonCorpus.load();
		assertThat(again.entries()).containsExactlyElementsOf(this.corpus.entries());
		assertThat(again.documents(2 * 1024, 8 * 1024))
			.containsExactlyElementsOf(this.corpus.documents(2 * 1024, 8 * 1024));
		assertThat(JsonCorpus.randomLike(this.corpus.entries()))
			.containsExactlyElementsOf(JsonCorpus.randomLike(again.entries()));
	}

	@Test
	void randomValuesHaveTheSizesOfTheGivenOnes() {
		List<byte[]> random = JsonCorpus.randomLike(this.corpus.entries());
		assertThat(random).hasSameSizeAs(this.corpus.entries());
		for (int i = 0; i < random.size(); i++) {
			assertThat(random.get(i)).hasSize(this.corpus.entries().get(i).length)
				.isNotEqualTo(this.corpus.entries().get(i));
		}
		assertThat(new String(this.corpus.entries().get(0), StandardCharsets.UTF_8)).startsWith("{");
	}

}
