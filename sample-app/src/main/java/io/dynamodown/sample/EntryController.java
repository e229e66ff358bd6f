package io.dynamodown.sample;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.dynamodown.LevelDb;
import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.codec.TypedRange;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Put, get, delete and list entries of the store; keys and values are UTF-8 strings.
 * {@code POST /entries} appends an event under a time-ordered key.
 */
@RestController
@RequestMapping("/entries")
public class EntryController {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

	private final TypedLevelDb<String, String> db;

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Creates the controller.
	 * @param db the store, used through a typed view of UTF-8 keys and values
	 */
	public EntryController(LevelDb db) {
		this.db = TypedLevelDb.of(db, Codec.utf8(), Codec.utf8());
	}

	/**
	 * Appends an event under a key that sorts by time: the UTC instant, then a sequence
	 * number that keeps events of one instant apart.
	 * @param value the event text
	 * @return the stored entry
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public KeyValue append(@RequestBody String value) {
		String key = "event:" + TIMESTAMP.format(Instant.now()) + ":"
				+ String.format("%012d", this.sequence.incrementAndGet());
		this.db.put(key, value);
		return new KeyValue(key, value);
	}

	/**
	 * Writes a value under a key.
	 * @param key the key
	 * @param value the value
	 * @return the stored entry
	 */
	@PutMapping("/{key}")
	public KeyValue put(@PathVariable String key, @RequestBody String value) {
		this.db.put(key, value);
		return new KeyValue(key, value);
	}

	/**
	 * Reads the value of a key.
	 * @param key the key
	 * @return the entry, or 404 when the key is absent
	 */
	@GetMapping("/{key}")
	public ResponseEntity<KeyValue> get(@PathVariable String key) {
		return ResponseEntity.of(this.db.get(key).map((value) -> new KeyValue(key, value)));
	}

	/**
	 * Deletes a key; deleting an absent key succeeds.
	 * @param key the key
	 */
	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void delete(@PathVariable String key) {
		this.db.delete(key);
	}

	/**
	 * Lists the entries of a key range, as abstract-level's iterator options.
	 * @param gt keys greater than this
	 * @param gte keys greater than or equal to this (wins over {@code gt})
	 * @param lt keys less than this
	 * @param lte keys less than or equal to this (wins over {@code lt})
	 * @param limit the most entries, -1 for all (default 100)
	 * @param reverse whether to list from the greatest key down
	 * @return the entries in key order (or reverse)
	 */
	@GetMapping
	public List<KeyValue> list(@RequestParam @Nullable String gt, @RequestParam @Nullable String gte,
			@RequestParam @Nullable String lt, @RequestParam @Nullable String lte,
			@RequestParam(defaultValue = "100") long limit, @RequestParam(defaultValue = "false") boolean reverse) {
		TypedRange<String> range = this.db.range().reverse(reverse).limit(limit);
		range = (gt != null) ? range.gt(gt) : range;
		range = (gte != null) ? range.gte(gte) : range;
		range = (lt != null) ? range.lt(lt) : range;
		range = (lte != null) ? range.lte(lte) : range;
		try (Stream<Map.Entry<String, String>> entries = this.db.iterator(range).stream()) {
			return entries.map((entry) -> new KeyValue(entry.getKey(), entry.getValue())).toList();
		}
	}

	/**
	 * An entry as JSON.
	 *
	 * @param key the key
	 * @param value the value
	 */
	public record KeyValue(String key, String value) {

	}

}
