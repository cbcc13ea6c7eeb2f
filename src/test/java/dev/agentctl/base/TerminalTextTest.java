package dev.agentctl.base;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TerminalTextTest {
    private static String clean(String s) {
        return TerminalText.oneLine(s, 1000);
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", TerminalText.oneLine(null, 10));
    }

    @Test
    void plainTextIsKept() {
        assertEquals("run 2024-x finished: ok ✓ ; #{x} $(y)", clean("run 2024-x finished: ok ✓ ; #{x} $(y)"));
    }

    @Test
    void csiSequencesAreRemovedWhole() {
        assertEquals("red bold plain", clean("\u001b[31mred\u001b[0m \u001b[1;4mbold\u001b[m plain"));
        assertEquals("ab", clean("a\u001b[?1049hb"));
        assertEquals("ab", clean("a\u001b[2 qb")); // intermediate byte
        assertEquals("xy", clean("x\u009b31my")); // 8-bit CSI
    }

    @Test
    void oscAndOtherStringSequencesAreRemovedWhole() {
        assertEquals("ab", clean("a\u001b]2;evil title\u0007b"));
        assertEquals("ab", clean("a\u001b]8;;http://x\u001b\\b"));
        assertEquals("ab", clean("a\u001bPq#0;2;0\u001b\\b")); // DCS
        assertEquals("ab", clean("a\u001b_apc\u001b\\b"));
        assertEquals("ab", clean("a\u009d0;t\u009cb")); // 8-bit OSC ... ST
        assertEquals("a", clean("a\u001b]2;never terminated"));
    }

    @Test
    void escInsideStringStartsNewSequence() {
        assertEquals("ab", clean("a\u001b]2;t\u001b[31mb"));
    }

    @Test
    void shortEscapesAreRemovedWhole() {
        assertEquals("ab", clean("a\u001b7b"));
        assertEquals("ab", clean("a\u001b(Bb"));
        assertEquals("ab", clean("a\u001bcb"));
        assertEquals("a", clean("a\u001b"));
    }

    @Test
    void lineBreaksAndTabsBecomeSpaces() {
        assertEquals("one two three four", clean("one\r\ntwo\nthree\tfour"));
        assertEquals("a b", clean("a\rb"));
        assertEquals("a b", clean("a\u2028b"));
    }

    @Test
    void otherControlCharactersAreDropped() {
        assertEquals("abcdefg", clean("a\u0000b\u0007c\u0008d\u007fe\u0085f\u0099g"));
        assertEquals("ab", clean("a\u0003\u0004\u001ab"));
    }

    @Test
    void loneSurrogatesAreDropped() {
        assertEquals("ab😀", clean("a\ud800b\ud83d\ude00"));
    }

    @Test
    void longTextIsCappedWithEllipsis() {
        assertEquals("abcd…", TerminalText.oneLine("abcdefgh", 5));
        assertEquals("abcde", TerminalText.oneLine("abcde", 5));
        assertEquals("…", TerminalText.oneLine("ab", 1));
        // counts code points and never splits a surrogate pair
        assertEquals("😀😀…", TerminalText.oneLine("😀😀😀😀", 3));
    }

    @Test
    void capAppliesAfterStripping() {
        assertEquals("abc", TerminalText.oneLine("\u001b[31ma\u001b[0mb\u001b[1mc", 3));
    }

    @Test
    void capMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> TerminalText.oneLine("x", 0));
    }
}
