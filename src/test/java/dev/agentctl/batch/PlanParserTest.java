package dev.agentctl.batch;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanParserTest {
    @TempDir
    Path tmp;
    Path project;
    ProjectRegistry projects;
    Config config = new Config(new JsonObject());

    @BeforeEach
    void registry() throws Exception {
        projects = new ProjectRegistry(new Workspace(tmp.resolve("home")).ensure());
        project = Files.createDirectories(tmp.resolve("myapp"));
        projects.add("myapp", project.toString(), null);
    }

    private Plan parse(String json) {
        return new PlanParser("plan.json", tmp, config, projects, project).parse(json.replace('\'', '"'));
    }

    private List<String> problems(String json) {
        PlanProblems p = assertThrows(PlanProblems.class, () -> parse(json));
        return p.problems();
    }

    @Test
    void theShortFormIsOneIndependentTaskPerPrompt() throws Exception {
        Plan p = parse("{'spark': ['lint a', 'lint b'], 'deep': ['design']}");
        assertEquals(List.of("spark-1", "spark-2", "deep-1"), p.tasks().stream().map(PlanTask::id).toList());
        assertEquals("deep", p.task("deep-1").profile().name());
        assertEquals("lint b", new String(p.task("spark-2").prompt(), StandardCharsets.UTF_8));
        assertEquals(project.toRealPath(), p.task("spark-1").project().dir());
        assertEquals(1, p.waves().size());
    }

    @Test
    void theFullFormAppliesDefaultsReadsPromptFilesAndOrdersWaves() throws Exception {
        Files.createDirectories(tmp.resolve("tasks"));
        Files.writeString(tmp.resolve("tasks/db.md"), "review the db");
        Plan p = parse("{'group': 'release-42', 'description': 'd', 'max_parallel': 3,"
                + " 'defaults': {'project': 'myapp', 'profile': 'spark', 'timeout': '30m', 'isolation': 'shared'},"
                + " 'tasks': ["
                + "  {'id': 'design', 'after': ['review-api', 'review-db'], 'profile': 'deep',"
                + "   'prompt': 'Found:\\n{{review-api.summary}}\\n{{review-db.summary}}'},"
                + "  {'id': 'review-api', 'title': 'API', 'prompt': 'review api', 'profile': 'review'},"
                + "  {'id': 'review-db', 'prompt_file': 'tasks/db.md'},"
                + "  {'id': 'lint', 'prompt': 'lint', 'escalate': 'deep', 'isolation': 'worktree'}]}");
        assertEquals("release-42", p.group());
        assertEquals(3, p.maxParallel());
        PlanTask db = p.task("review-db");
        assertEquals("review the db", new String(db.prompt(), StandardCharsets.UTF_8));
        assertEquals("spark", db.profile().name());
        assertEquals(1800L, db.timeoutSeconds());
        assertEquals("shared", db.isolation());
        assertEquals("worktree", p.task("lint").isolation());
        assertEquals("deep", p.task("lint").escalate());
        assertEquals("API", p.task("review-api").title());
        List<List<String>> waves = p.waves().stream().map(w -> w.stream().map(PlanTask::id).toList()).toList();
        assertEquals(List.of(List.of("review-api", "review-db", "lint"), List.of("design")), waves);
        assertEquals(List.of("review-api", "review-db", "design", "lint"), p.inOrder().stream().map(PlanTask::id).toList());
    }

    @Test
    void everyProblemIsListedAtOnceNamingFileTaskAndKey() {
        List<String> got = problems("{'group': 'bad name', 'colour': 1, 'max_parallel': 0,"
                + " 'defaults': {'project': 'myapp', 'speed': 'fast'},"
                + " 'tasks': ["
                + "  {'id': 'a', 'prompt': 'x', 'profile': 'nosuch', 'oops': true},"
                + "  {'id': 'a', 'prompt': 'dup'},"
                + "  {'id': 'b', 'prompt': 'uses {{c.summary}} and {{a.colour}}', 'after': ['zzz', 'a']},"
                + "  {'id': 'c', 'prompt': 'x', 'project': 'nowhere', 'escalate': 'deeper', 'timeout': 'soon'},"
                + "  {'id': 'd', 'prompt_file': 'missing.md'},"
                + "  {'id': 'e'}]}");
        String all = String.join("\n", got);
        for (String expected : List.of("plan.json: group: invalid group name 'bad name'", "plan.json: colour: unknown key",
                "plan.json: max_parallel: must be a whole number", "plan.json: defaults.speed: unknown key",
                "plan.json: task a: profile: unknown profile", "plan.json: task a: oops: unknown key",
                "plan.json: task a: id: duplicate task id", "plan.json: task b: after: unknown task 'zzz'",
                "plan.json: task b: prompt: {{c.summary}}: task 'c' is not in after",
                "plan.json: task b: prompt: {{a.colour}}: unknown field 'colour'",
                "plan.json: task c: project: unknown project 'nowhere'", "plan.json: task c: escalate: unknown profile",
                "plan.json: task c: timeout:", "plan.json: task d: prompt_file: cannot read",
                "plan.json: task e: prompt: missing")) {
            assertTrue(all.contains(expected), "expected '" + expected + "' in:\n" + all);
        }
    }

    @Test
    void cyclesAndSelfWaitsAreRefused() {
        String all = String.join("\n", problems("{'tasks': [{'id': 'a', 'prompt': 'x', 'after': ['b']},"
                + " {'id': 'b', 'prompt': 'x', 'after': ['c']}, {'id': 'c', 'prompt': 'x', 'after': ['a']}]}"));
        assertTrue(all.contains("cycle: a -> b -> c -> a"), all);
        assertTrue(String.join("\n", problems("{'tasks': [{'id': 'a', 'prompt': 'x', 'after': ['a']}]}"))
                .contains("task a: after: a task cannot wait for itself"));
    }

    @Test
    void badShapesAreProblemsNotCrashes() {
        assertTrue(problems("[1]").get(0).contains("a plan is a JSON object"));
        assertTrue(problems("{nope").get(0).contains("not valid JSON"));
        assertTrue(problems("{'tasks': []}").get(0).contains("tasks: must be a non-empty list"));
        assertTrue(problems("{'spark': 'one prompt'}").get(0).contains("spark: must be a list of task prompts"));
        assertTrue(problems("{'nosuch': ['x']}").get(0).contains("unknown profile"));
        assertTrue(problems("{'tasks': [3, {'id': 'x y', 'prompt': 'p'}]}").toString().contains("task #1: a task is an object"));
    }
}
