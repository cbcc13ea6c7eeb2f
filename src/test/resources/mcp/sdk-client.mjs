// Drives `agentctl mcp` with the official MCP TypeScript SDK client, step by step, and prints what it saw
// as one JSON object on stdout (McpSdkClientIT asserts on it). Steps never stop at the first surprise:
// each records its result or its error, so the test names exactly what went wrong.
//
// Environment: MCP_SDK_DIR (a directory with node_modules/@modelcontextprotocol/sdk), AGENTCTL_ARGV (JSON
// array: the command that runs agentctl), PROJECT_DIR (the git project runs work in); everything else is
// passed on to the server (AI_ORCH_HOME, CODEX_HOME, PATH).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sdk = (p) => pathToFileURL(path.join(process.env.MCP_SDK_DIR, 'node_modules/@modelcontextprotocol/sdk/dist/esm', p)).href;
const { Client } = await import(sdk('client/index.js'));
const { StdioClientTransport } = await import(sdk('client/stdio.js'));

const argv = JSON.parse(process.env.AGENTCTL_ARGV);
const project = process.env.PROJECT_DIR;
const report = { steps: {}, errors: [] };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function step(name, fn) {
    try {
        report.steps[name] = await fn();
    } catch (e) {
        report.steps[name] = { threw: true, name: e?.name, code: e?.code, message: String(e?.message ?? e) };
    }
}

const env = { ...process.env };
delete env.MCP_SDK_DIR;
delete env.AGENTCTL_ARGV;
const transport = new StdioClientTransport({ command: argv[0], args: [...argv.slice(1), 'mcp', '--progress-interval', '0.3'],
    env, cwd: project, stderr: 'pipe' });
let serverStderr = '';
transport.stderr?.on('data', (d) => { serverStderr += d; });
const client = new Client({ name: 'agentctl-it', version: '1.0.0' }, { capabilities: {} });
client.onerror = (e) => report.errors.push(String(e?.message ?? e));

const call = (name, args, options) => client.callTool({ name, arguments: args }, undefined, { timeout: 180000, ...options });
const structured = (r) => ({ isError: r.isError === true, structured: r.structuredContent, text: r.content?.[0]?.text });

await step('initialize', async () => {
    await client.connect(transport);
    return { server: client.getServerVersion(), capabilities: client.getServerCapabilities(),
        instructions: client.getInstructions() };
});

await step('tools', async () => (await client.listTools()).tools.map((t) => ({ name: t.name,
    readOnly: t.annotations?.readOnlyHint === true, schemaType: t.inputSchema?.type })));

let runId;
await step('start_run', async () => {
    const r = structured(await call('start_run', { prompt: 'Create hello.txt [[mock:succeed]]', project, title: 'via mcp',
        isolation: 'worktree' }));
    runId = r.structured?.run_id;
    return r;
});

await step('wait_runs', async () => {
    let progress = 0;
    const r = structured(await call('wait_runs', { run_ids: [runId], timeout_s: 150 }, { onprogress: () => { progress++; } }));
    return { ...r, progress };
});

await step('list_runs', async () => structured(await call('list_runs', { limit: 5 })));
await step('show_run', async () => structured(await call('show_run', { run_id: runId })));
await step('run_logs', async () => structured(await call('run_logs', { run_id: runId, lines: 20 })));
await step('run_diff', async () => structured(await call('run_diff', { run_id: runId })));
await step('merge_run', async () => structured(await call('merge_run', { run_id: runId })));
await step('discard_run', async () => structured(await call('discard_run', { run_id: runId })));
await step('status', async () => structured(await call('status', {})));
await step('bad_argument', async () => structured(await call('start_run', { project })));
await step('unknown_tool', async () => structured(await call('no_such_tool', {})));

// A slow run: a wait on it is cancelled by the client while list_runs is answered meanwhile.
let slowId;
await step('start_slow', async () => {
    const r = structured(await call('start_run', { prompt: 'Take your time [[mock:slow]] [[mock-delay:120]]', project, title: 'slow' }));
    slowId = r.structured?.run_id;
    return r;
});
await step('concurrent', async () => {
    const abort = new AbortController();
    let progress = 0;
    const waitStarted = Date.now();
    const wait = call('wait_runs', { run_ids: [slowId] }, { signal: abort.signal, onprogress: () => { progress++; } })
        .then(() => ({ settled: 'resolved' }), (e) => ({ settled: 'rejected', name: e?.name, message: String(e?.message ?? e) }));
    await sleep(300); // the wait is under way in the server
    const listStarted = Date.now();
    const list = structured(await call('list_runs', {}));
    const listMillis = Date.now() - listStarted;
    // progress arrives every 0.3 s while waiting; let a few come before cancelling
    while (progress < 2 && Date.now() - waitStarted < 20000) await sleep(100);
    abort.abort('enough waiting');
    const waited = await wait;
    const pong = await client.ping();
    return { listCount: list.structured?.count, listMillis, progress, waited, pingAfterCancel: pong !== undefined };
});
await step('kill_run', async () => structured(await call('kill_run', { run_id: slowId, reason: 'stopped over mcp' })));

// A message to a running run is its next turn: queued until the turn ends, then run in the same codex thread.
let busyId, sentId;
await step('start_busy', async () => {
    const r = structured(await call('start_run', { prompt: 'Busy first BUSY-TEXT [[mock:slow]] [[mock-delay:4]]', project,
        title: 'busy' }));
    busyId = r.structured?.run_id;
    return r;
});
await step('busy_thread', async () => {
    const deadline = Date.now() + 60000;
    let shown;
    do {
        shown = structured(await call('show_run', { run_id: busyId }));
        if (shown.structured?.thread_id && shown.structured?.codex_pid) break;
        await sleep(200);
    } while (Date.now() < deadline);
    return shown;
});
await step('send_to_run', async () => {
    const r = structured(await call('send_to_run', { run_id: busyId, text: 'Then SENT-OVER-MCP [[mock:succeed]]' }));
    sentId = r.structured?.run_id;
    return r;
});
await step('wait_sent', async () => structured(await call('wait_runs', { run_ids: [busyId, sentId], timeout_s: 150 })));

// Groups, the queue and a limit: a group that allows one run; the run waits for the killed one (so it ends
// without starting), and a second run in the group is refused by the group's max_runs.
await step('group_create', async () => structured(await call('group_create', { name: 'capped', max_runs: 1, priority: 'P1' })));
await step('start_after', async () => structured(await call('start_run', { prompt: 'After the slow one [[mock:succeed]]',
    project, group: 'capped', after: [slowId], isolation: 'shared' })));
await step('limit_refusal', async () => structured(await call('start_run', { prompt: 'One too many', project, group: 'capped' })));
await step('group_show', async () => structured(await call('group_show', { name: 'capped' })));

// The compatibility tools.
let taskId, agentId;
await step('create_real_task', async () => {
    const r = structured(await call('create_real_task', { description: 'Fix the parser', priority: 'high' }));
    taskId = r.structured?.task_id;
    return r;
});
await step('deploy_headless_agent', async () => {
    const r = structured(await call('deploy_headless_agent', { task_id: taskId, agent_type: 'investigator',
        prompt: 'Look around [[mock:slow]] [[mock-delay:120]]', parent: runId }));
    agentId = r.structured?.agent_id;
    return r;
});
await step('get_real_task_status', async () => structured(await call('get_real_task_status', { task_id: taskId })));
await step('kill_real_agent', async () => structured(await call('kill_real_agent', { task_id: taskId, agent_id: agentId,
    reason: 'enough' })));
await step('tasks_list', async () => JSON.parse((await client.readResource({ uri: 'tasks://list' })).contents[0].text));
await step('run_resource', async () => JSON.parse((await client.readResource({ uri: `run://${runId}` })).contents[0].text));
await step('templates', async () => (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate));

// Every run has ended by now (killed, or never started): their tokens are final.
await step('usage', async () => structured(await call('usage', { by: 'project' })));
await step('usage_bad_by', async () => structured(await call('usage', { by: 'week' })));

// A line that is not JSON, written straight to the server's stdin: it answers with a parse error and goes on.
await step('malformed_line', async () => {
    const before = report.errors.length;
    transport._process.stdin.write('this is not json\n');
    const deadline = Date.now() + 10000;
    while (report.errors.length === before && Date.now() < deadline) await sleep(50);
    await client.ping();
    return { clientSaw: report.errors.slice(before), pingAfter: true };
});

await client.close();
report.serverStderr = serverStderr;
process.stdout.write(JSON.stringify(report) + '\n');
