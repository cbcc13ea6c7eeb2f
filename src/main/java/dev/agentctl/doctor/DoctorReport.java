package dev.agentctl.doctor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.nio.charset.Charset;
import java.util.List;

/** doctor's output: one line per check with a fix line under each failure or warning, or a JSON array. */
public final class DoctorReport {
    private DoctorReport() {}

    public static String text(List<CheckResult> results, boolean unicode) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            sb.append(line(r, unicode)).append('\n');
            if (r.fix() != null) sb.append("    fix: ").append(r.fix()).append('\n');
        }
        long failed = results.stream().filter(r -> r.status() == Status.FAIL).count();
        long warned = results.stream().filter(r -> r.status() == Status.WARN).count();
        sb.append('\n');
        if (failed == 0) {
            sb.append("All checks passed").append(warned == 0 ? "." : " (" + warned + " warning" + (warned == 1 ? "" : "s") + ").");
        } else {
            sb.append(failed).append(failed == 1 ? " check failed" : " checks failed").append("; see the fix lines above.");
        }
        return sb.append('\n').toString();
    }

    /** "✗ codex: codex_bin 'x' is not on PATH" */
    public static String line(CheckResult r, boolean unicode) {
        return r.status().symbol(unicode) + " " + r.check() + ": " + r.detail();
    }

    /** [{check, status: ok|fail|warn, detail, fix}] */
    public static String json(List<CheckResult> results) {
        JsonArray a = new JsonArray();
        for (CheckResult r : results) {
            JsonObject o = new JsonObject();
            o.addProperty("check", r.check());
            o.addProperty("status", r.status().json());
            o.addProperty("detail", r.detail());
            o.add("fix", Json.of(r.fix()));
            a.add(o);
        }
        return Json.pretty(a);
    }

    /** Whether stdout's charset can show ✓ ✗; a C locale gets words instead of question marks. */
    public static boolean unicodeOutput() {
        return Charset.defaultCharset().newEncoder().canEncode("✓✗");
    }
}
