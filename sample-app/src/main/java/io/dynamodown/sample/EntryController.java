package io.dynamodown.sample;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.dynamodown.ErrorCode;
import io.dynamodown.LevelDb;
import io.dynamodown.codec.Codec;
import io.dynamodown.codec.TypedLevelDb;
import io.dynamodown.codec.TypedRange;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Put, get, delete and list entries of the store; keys and values are UTF-8 strings.
 * {@code POST /entries} appends an event under a time-ordered key.
 * <p>
 * A key is given either as the query parameter {@code key} ({@code /entries?key=a%2Fb}),
 * which carries any key, the empty one and keys with {@code /} included, or as the last
 * path segment ({@code /entries/greeting}), a shorthand for keys that are one plain path
 * segment. Values are request bodies of well-formed UTF-8 ({@link ValueReader}).
 */
@RestController
@RequestMapping("/entries")
public class EntryController {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

	private final TypedLevelDb<String, String> db;

	private final ValueReader values;

	private final AtomicLong sequence = new AtomicLong();

	EntryController(LevelDb db, ValueReader values) {
		this.db = TypedLevelDb.of(db, Codec.utf8(), Codec.utf8());
		this.values = values;
	}

	/**
	 * Appends an event under a key that sorts by time: the UTC instant, then a sequence
	 * number that keeps events of one instant apart.
	 * @param request the request, whose body is the event text
	 * @return the stored entry
	 * @throws IOException when the body cannot be read
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public KeyValue append(HttpServletRequest request) throws IOException {
		String value = this.values.read(request);
		String key = "event:" + TIMESTAMP.format(Instant.now()) + ":"
				+ String.format("%012d", this.sequence.incrementAndGet());
		this.db.put(key, value);
		return new KeyValue(key, value);
	}

	/**
	 * Writes a value under a key given as a query parameter.
	 * @param key the key
	 * @param request the request, whose body is the value (empty for the empty value)
	 * @return the stored entry
	 * @throws IOException when the body cannot be read
	 */
	@PutMapping(params = "key")
	public KeyValue put(@RequestParam String key, HttpServletRequest request) throws IOException {
		String value = this.values.read(request);
		this.db.put(key, value);
		return new KeyValue(key, value);
	}

	/**
	 * Reads the value of a key given as a query parameter.
	 * @param key the key
	 * @return the entry, or 404 when the key is absent
	 */
	@GetMapping(params = "key")
	public ResponseEntity<KeyValue> get(@RequestParam String key) {
		return ResponseEntity.of(this.db.get(key).map((value) -> new KeyValue(key, value)));
	}

	/**
	 * Deletes a key given as a query parameter; deleting an absent key succeeds.
	 * @param key the key
	 */
	@DeleteMapping(params = "key")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void delete(@RequestParam String key) {
		this.db.delete(key);
	}

	/**
	 * Writes a value under a key given as the last path segment.
	 * @param key the key
	 * @param request the request, whose body is the value (empty for the empty value)
	 * @return the stored entry
	 * @throws IOException when the body cannot be read
	 */
	@PutMapping("/{key}")
	public KeyValue putSegment(@PathVariable String key, HttpServletRequest request) throws IOException {
		return put(segmentKey(key, request), request);
	}

	/**
	 * Reads the value of a key given as the last path segment.
	 * @param key the key
	 * @param request the request
	 * @return the entry, or 404 when the key is absent
	 */
	@GetMapping("/{key}")
	public ResponseEntity<KeyValue> getSegment(@PathVariable String key, HttpServletRequest request) {
		return get(segmentKey(key, request));
	}

	/**
	 * Deletes a key given as the last path segment; deleting an absent key succeeds.
	 * @param key the key
	 * @param request the request
	 */
	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void deleteSegment(@PathVariable String key, HttpServletRequest request) {
		delete(segmentKey(key, request));
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
	 * The key of a path segment. The servlet container drops what follows a {@code ;} in
	 * a path segment (path parameters), so {@code /entries/a;b} would silently name the
	 * key {@code a}: such a path is refused and the query form is the way to such keys.
	 */
	private static String segmentKey(String key, HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri.indexOf(';') >= 0) {
			throw new RefusedRequestException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_KEY,
					"a key path segment must not contain ';' (a path parameter); use /entries?key= for such keys");
		}
		if (uri.toUpperCase(Locale.ROOT).contains("%2F")) {
			throw new RefusedRequestException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_KEY,
					"a key path segment must not contain an encoded '/'; use /entries?key= for such keys");
		}
		return key;
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
