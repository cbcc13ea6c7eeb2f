package dev.agentctl.mcp;

/** A tool's argument is missing or wrong; the message is one sentence naming the argument and why. */
public final class BadArgument extends RuntimeException {
    public BadArgument(String message) {
        super(message);
    }
}
