package dev.agentctl.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFileTest {
    @TempDir Path dir;

    private List<String> backwards(String text) throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, text);
        List<String> lines = new ArrayList<>();
        try (LineFile lf = LineFile.open(f)) {
            String l;
            while ((l = lf.previousLine()) != null) lines.add(l);
        }
        Collections.reverse(lines);
        return lines;
    }

    @Test
    void linesFromTheEndAreTheFilesLines() throws Exception {
        assertEquals(List.of(), backwards(""));
        assertEquals(List.of("a"), backwards("a\n"));
        assertEquals(List.of("a", "b"), backwards("a\nb"), "an unfinished last line is a line");
        assertEquals(List.of("", "a", "", "b ✅"), backwards("\na\n\nb ✅\n"));
        // Lines longer than a block, and a multi-byte character across a block's edge.
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String line = "ü".repeat(i * 1733 % 50000) + i;
            expected.add(line);
            text.append(line).append('\n');
        }
        assertEquals(expected, backwards(text.toString()));
    }

    @Test
    void firstLineAndEnding() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "header\nbody");
        try (LineFile lf = LineFile.open(f)) {
            assertEquals("header", lf.firstLine(100));
            assertNull(lf.firstLine(3), "no newline within the bytes allowed");
            assertFalse(lf.endsWithNewline());
            assertEquals("body", lf.previousLine());
        }
    }
}
