package io.dynamodown.sample;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dynamodown.Change;
import io.dynamodown.boot.changes.LevelDbChangeListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The store's changes, live: {@code GET /changes} is a stream of Server-Sent Events, one
 * event {@code change} per change of any key of the store, written by this app or any
 * other, as the change feed delivers it (the starter subscribes this bean, a
 * {@link LevelDbChangeListener}, under the consumer name
 * {@code spring.application.name}). Each event's data is JSON: {@code kind} ({@code PUT},
 * {@code DELETE}, {@code EXPIRED}), {@code key}, {@code value} ({@code null} unless
 * {@code PUT}), and {@code encoding}: {@code utf-8} when the key and the value are
 * well-formed UTF-8 and given as text, {@code base64} when either is not and both are
 * given in Base64. Its id is the change's sequence number. Only changes made while a
 * client is connected reach it.
 */
@RestController
public class ChangeStreamController implements LevelDbChangeListener {

	private static final Logger logger = LoggerFactory.getLogger(ChangeStreamController.class);

	/** No timeout: a stream stays open until the client goes. */
	private static final long NO_TIMEOUT = 0;

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	/**
	 * Opens a stream of the changes made from now on.
	 * @return the stream
	 * @throws IOException when the first comment cannot be sent
	 */
	@GetMapping(path = "/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter changes() throws IOException {
		SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		this.emitters.add(emitter);
		// sent at once, so the client knows the stream is open before any change
		emitter.send(SseEmitter.event().comment("changes of the store from now on"));
		return emitter;
	}

	/**
	 * Sends a change to every open stream. Never throws: a client that went away is
	 * dropped, and the change feed goes on.
	 * @param change the change
	 */
	@Override
	public void onChange(Change change) {
		if (this.emitters.isEmpty()) {
			return;
		}
		ChangeEvent event = ChangeEvent.of(change);
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event()
					.name("change")
					.id(change.sequenceNumber())
					.data(event, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("A client of /changes went away: {}", ex.toString());
				this.emitters.remove(emitter);
			}
		}
	}

	/**
	 * Ends every open stream when the application stops, so that they do not hold up the
	 * web server's graceful shutdown.
	 */
	@EventListener(ContextClosedEvent.class)
	public void endStreams() {
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	/**
	 * One change as the stream sends it.
	 *
	 * @param kind {@code PUT}, {@code DELETE} or {@code EXPIRED}
	 * @param key the key
	 * @param value the value written, {@code null} unless {@code PUT}
	 * @param encoding {@code utf-8} (key and value as text) or {@code base64}
	 */
	public record ChangeEvent(String kind, String key, @Nullable String value, String encoding) {

		static ChangeEvent of(Change change) {
			String kind = change.kind().name();
			byte @Nullable [] value = change.value().orElse(null);
			try {
				return new ChangeEvent(kind, StrictUtf8.decode(change.key()),
						(value != null) ? StrictUtf8.decode(value) : null, "utf-8");
			}
			catch (CharacterCodingException ex) {
				Base64.Encoder base64 = Base64.getEncoder();
				return new ChangeEvent(kind, base64.encodeToString(change.key()),
						(value != null) ? base64.encodeToString(value) : null, "base64");
			}
		}

	}

}
