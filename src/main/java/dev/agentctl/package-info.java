/**
 * agentctl: runs AI coding agents in parallel, each supervised in its own tmux pane or detached.
 *
 * <p>Packages, in layers that only point down (ArchitectureTest enforces the order):
 * <ul>
 *   <li>{@code base}: failures with a kind, Io, durations, terminal-safe text, build info. Every layer may use it.</li>
 *   <li>{@code store}: atomic JSON files and cross-process locks. {@code proc}: running, identifying, killing processes.</li>
 *   <li>{@code workspace}: the workspace directory, config.json (validated at load), profiles, projects.</li>
 *   <li>{@code run}: meta.json (RunMeta owns its keys and transitions), run ids, the store of runs, the list index.
 *       {@code git}: tree snapshots. {@code tmux}: every tmux call. {@code codex}: codex's argv, events, results.</li>
 *   <li>{@code notify}: the record of finishes and the wake-ups.</li>
 *   <li>{@code lifecycle}: a run seen from outside its pane: start, launch, stop requests, kill, finalize once,
 *       reconcile, wait.</li>
 *   <li>{@code supervisor}: the process in the run's pane only. {@code batch}: plan files, validated, submitted as
 *       one group of queued runs and followed.</li>
 *   <li>{@code offline}, {@code demo}, {@code doctor}: the offline model server and the tools built on it.</li>
 *   <li>{@code cli}: thin picocli commands; {@code Main} alone maps a failure's kind to an exit code.</li>
 * </ul>
 */
package dev.agentctl;

import dev.agentctl.base.Io;
