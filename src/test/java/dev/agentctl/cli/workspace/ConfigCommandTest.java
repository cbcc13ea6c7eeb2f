package dev.agentctl.cli.workspace;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.store.Json;
import dev.agentctl.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    @TempDir Path home;

    @Test
    void getPrintsTheValueInEffect() {
        assertEquals("3h\n", CliRun.run(home, "config", "get", "default_timeout").out);
        assertEquals("2m\n", CliRun.run(home, "config", "get", "provider_retry_limit").out);
        assertEquals("\n", CliRun.run(home, "config", "get", "tmux_socket").out);
        assertEquals("null\n", CliRun.run(home, "config", "get", "tmux_socket", "--json").out);
    }

    @Test
    void setValidatesWritesAndKeepsUnknownKeys() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), "{\"my_key\": [1, 2], \"stall_after\": \"5m\"}");
        CliRun r = CliRun.run(home, "config", "set", "tmux_sendkeys_target", "%3");
        assertEquals(0, r.exit, r.toString());
        assertEquals("%3\n", CliRun.run(home, "config", "get", "tmux_sendkeys_target").out);
        JsonObject saved = Json.readObject(home.resolve("config.json"));
        assertEquals("[1,2]", saved.get("my_key").toString());
        assertEquals("5m", saved.get("stall_after").getAsString());
        assertEquals(0, CliRun.run(home, "config", "set", "default_timeout", "null").exit);
        assertTrue(Json.readObject(home.resolve("config.json")).get("default_timeout").isJsonNull());
    }

    @Test
    void countsAreNumbersAndSpawnRulesAreJson() throws Exception {
        assertEquals(0, CliRun.run(home, "config", "set", "max_concurrent", "4").exit);
        assertEquals(0, CliRun.run(home, "config", "set", "spawn_rules", "{\"deep\": [\"spark\"]}").exit);
        JsonObject saved = Json.readObject(home.resolve("config.json"));
        assertEquals(4, saved.get("max_concurrent").getAsJsonPrimitive().getAsInt());
        assertEquals("[\"spark\"]", saved.getAsJsonObject("spawn_rules").get("deep").toString());
        assertEquals(0, CliRun.run(home, "config", "set", "spawn_rules", "null").exit);
        for (String bad : new String[] {"-1", "four", "2.5"}) {
            assertEquals(2, CliRun.run(home, "config", "set", "max_depth", bad).exit, bad);
        }
    }

    @Test
    void badValuesAndUnknownKeysAreRefusedAndChangeNothing() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), "{\"stall_after\": \"5m\"}");
        for (String[] args : new String[][] {{"set", "default_timeout", "soon"}, {"set", "launcher", "screen"},
                {"set", "stall_action", "panic"}, {"set", "no_such_key", "1"}, {"set", "codex_bin", "null"},
                {"set", "prices", "{\"m\": {\"input\": -1, \"cached_input\": 0, \"output\": 1}}"}, {"set", "profiles", "[1]"},
                {"get", "no_such_key"}, {"frobnicate"}, {"set", "stall_after"}}) {
            String[] all = new String[args.length + 1];
            all[0] = "config";
            System.arraycopy(args, 0, all, 1, args.length);
            CliRun r = CliRun.run(home, all);
            assertEquals(2, r.exit, String.join(" ", args) + ": " + r);
            assertEquals(1, r.err.strip().split("\n").length, r.err);
        }
        assertEquals("{\"stall_after\": \"5m\"}", Files.readString(home.resolve("config.json")));
        assertTrue(CliRun.run(home, "config", "set", "no_such_key", "1").err.contains("stall_after"), "names the known keys");
    }

    @Test
    void listShowsEverySettingAndJsonIsOneObject() {
        CliRun r = CliRun.run(home, "config", "list");
        assertTrue(r.out.contains("default_timeout\t\"3h\"\n"), r.out);
        assertTrue(r.out.contains("tmux_sendkeys_target\t\"\"\n"), r.out);
        JsonObject o = JsonParser.parseString(CliRun.run(home, "config", "list", "--json").out).getAsJsonObject();
        assertTrue(o.has("profiles") && o.has("prices"), o.toString());
    }
}
