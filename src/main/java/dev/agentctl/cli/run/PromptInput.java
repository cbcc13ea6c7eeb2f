package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The prompt of start and resume: --prompt-file, else stdin; never empty, at most 10 MiB. */
final class PromptInput {
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private PromptInput() {}

    static byte[] read(String promptFile, Io io) {
        byte[] bytes;
        if (promptFile != null) {
            Path p = io.cwd().resolve(promptFile);
            if (!Files.isRegularFile(p)) {
                throw AgentctlException.usage("prompt file " + promptFile + " does not exist or is not a file");
            }
            try (InputStream in = Files.newInputStream(p)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw AgentctlException.usage("cannot read prompt file " + promptFile + ": " + e.getMessage());
            }
        } else {
            if (io.terminal()) {
                io.err().println("agentctl: reading the prompt from the terminal; end it with Ctrl-D (or use --prompt-file)");
            }
            try {
                bytes = io.in().readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw AgentctlException.usage("cannot read the prompt from stdin: " + e.getMessage());
            }
        }
        if (bytes.length > MAX_BYTES) {
            throw AgentctlException.usage("prompt is larger than 10 MiB");
        }
        // Decoded only to see whether there is anything in it; the bytes go to codex as they are.
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw AgentctlException.usage("prompt is empty (give it on stdin or with --prompt-file)");
        }
        return bytes;
    }
}
