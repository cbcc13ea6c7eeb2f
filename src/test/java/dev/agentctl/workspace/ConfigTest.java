package dev.agentctl.workspace;

import dev.agentctl.base.ExitCodes;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir Path home;

    @Test
    void defaultsApplyWithoutAFile() {
        Config c = new ConfigStore(new Workspace(home).ensure()).load();
        assertNull(c.tmuxSocket());
        assertNull(c.tmuxSession());
        assertNull(c.tmuxSendkeysTarget());
        assertEquals("codex", c.codexBin());
        assertEquals(600, c.stallAfterSeconds());
        assertEquals("notify", c.stallAction());
        assertEquals(3 * 3600L, c.defaultTimeoutSeconds(), "a finite default deadline");
        assertEquals(120, c.providerRetryLimitSeconds());
        assertNull(new Config(Json.parseObject("{\"default_timeout\": null}", "c")).defaultTimeoutSeconds(), "null: none");
        assertEquals("low", c.profile("spark").reasoningEffort());
        assertEquals("xhigh", c.profile("deep").reasoningEffort());
        assertEquals("medium", c.profile("review").reasoningEffort());
        assertEquals("read-only", c.profile("review").sandbox());
        assertNull(c.profile("spark").sandbox());
    }

    @Test
    void initWritesDefaultsAndKeepsUserValuesAndUnknownKeys() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        Files.writeString(ws.configFile(), "{\"codex_bin\": \"/opt/codex\", \"my_key\": {\"nested\": [1, 2]}}");
        assertTrue(new ConfigStore(ws).writeMissingDefaults());
        JsonObject o = Json.readObject(ws.configFile());
        assertEquals("/opt/codex", o.get("codex_bin").getAsString());
        assertEquals("[1,2]", o.getAsJsonObject("my_key").get("nested").toString());
        assertTrue(o.has("profiles"));
        assertTrue(o.has("tmux_sendkeys_target"));
        assertFalse(new ConfigStore(ws).writeMissingDefaults(), "a second init changes nothing");
    }

    @Test
    void unknownProfileIsAUsageError() {
        Config c = new Config(null);
        AgentctlException e = assertThrows(AgentctlException.class, () -> c.profile("nope"));
        assertEquals(2, ExitCodes.of(e.kind()));
        assertTrue(e.getMessage().contains("spark"), e.getMessage());
    }

    @Test
    void badProfileValuesAreNamed() {
        JsonObject user = Json.parseObject("{\"profiles\": {\"x\": {\"sandbox\": \"yolo\"}}}", "config.json");
        AgentctlException e = assertThrows(AgentctlException.class, () -> new Config(user).profile("x"));
        assertTrue(e.getMessage().contains("yolo"), e.getMessage());
    }

    @Test
    void aProfileNamesItsAgentCodexByDefault() {
        JsonObject user = Json.parseObject("{\"claude_bin\": \"/opt/claude\", \"profiles\": {\"c\": {\"agent\": \"claude\"},"
                + " \"x\": {}}}", "config.json");
        Config c = new Config(user);
        assertEquals("claude", c.profile("c").agentName());
        assertEquals("codex", c.profile("x").agentName());
        assertNull(c.profile("x").agent());
        assertEquals("/opt/claude", c.claudeBin());
        assertEquals("claude", new Config(null).claudeBin());
        JsonObject bad = Json.parseObject("{\"profiles\": {\"bad\": {\"agent\": \"gemini\"}}}", "config.json");
        AgentctlException e = assertThrows(AgentctlException.class, () -> new Config(bad).profiles());
        assertEquals("profile 'bad': agent must be one of [codex, claude], not 'gemini'", e.getMessage());
    }

    @Test
    void corruptConfigIsNamedNotReplaced() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        Files.writeString(ws.configFile(), "{oops");
        AgentctlException e = assertThrows(AgentctlException.class, () -> new ConfigStore(ws).writeMissingDefaults());
        assertTrue(e.getMessage().contains(ws.configFile().toString()), e.getMessage());
        assertEquals("{oops", Files.readString(ws.configFile()));
    }

    @Test
    void paneTitlesAndMinPaneHeightAreValidated() {
        Config d = new Config(null);
        assertFalse(d.paneTitles());
        assertEquals(8, d.minPaneHeight());
        JsonObject u = new JsonObject();
        u.addProperty("pane_titles", true);
        u.addProperty("min_pane_height", 12);
        assertTrue(new Config(u).paneTitles());
        assertEquals(12, new Config(u).minPaneHeight());
        for (String bad : new String[] {"\"yes\"", "1"}) {
            JsonObject o = Json.parseObject("{\"pane_titles\": " + bad + "}", "t");
            AgentctlException e = assertThrows(AgentctlException.class, () -> new Config(o).paneTitles());
            assertTrue(e.getMessage().contains("pane_titles"), e.getMessage());
        }
        for (String bad : new String[] {"1", "7.5", "\"8\"", "100000"}) {
            JsonObject o = Json.parseObject("{\"min_pane_height\": " + bad + "}", "t");
            AgentctlException e = assertThrows(AgentctlException.class, () -> new Config(o).minPaneHeight());
            assertTrue(e.getMessage().contains("min_pane_height"), e.getMessage());
        }
    }
}
