package io.dynamodown.boot.autoconfigure;

/**
 * Thrown at startup when {@code dynamodown.embedded.enabled} is {@code true} but
 * {@code dynamodown-embedded} is not on the class path.
 * {@link EmbeddedModuleMissingFailureAnalyzer} explains how to add it.
 */
public class EmbeddedModuleMissingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public EmbeddedModuleMissingException() {
		super("dynamodown.embedded.enabled is true but io.dynamodown:dynamodown-embedded is not on the class path");
	}

}
