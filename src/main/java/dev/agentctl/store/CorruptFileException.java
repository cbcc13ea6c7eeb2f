package dev.agentctl.store;

/** A file that should hold JSON does not; the message names the file. */
public class CorruptFileException extends RuntimeException {
    public CorruptFileException(String message) {
        super(message);
    }
}
