package dev.agentctl.cli;

import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;

/**
 * A command called in loops that can be built without picocli. It declares its plain shape right
 * next to its @Option fields and sets those fields from a match exactly as picocli would; QuickPathTest
 * holds every such command to that, so an option added to one and not the other fails the build.
 */
public interface QuickCommand {
    /** The options (by name and kind) and the number of positionals this command's quick path accepts. */
    Shape quickShape();

    /** Sets the fields picocli would set for these arguments ("--home" is set by the caller). */
    void applyQuick(Match m);

    /** False for a match picocli would refuse though it fits the shape (one option under two of its names). */
    default boolean quickAccepts(Match m) {
        return true;
    }
}
