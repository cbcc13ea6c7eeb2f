#!/usr/bin/env bash
# Part of agentctl.
# bench/run.sh: builds agentctl, installs it into a temporary prefix (with its start-up archive, as
# install.sh makes it), synthesizes 1,000 runs in a temporary workspace and prints a table of medians
# for the commands an orchestrator calls most. Not part of the test suite.
#
# Usage: bench/run.sh [--no-build] [--offline] [--reps N] [--loop N] [--java-home DIR]...
#   --no-build       use the existing target/agentctl.jar
#   --offline        build with mvn -o
#   --reps N         repetitions per measure (default 21; start and wait use fewer)
#   --loop N         runs started in the loop measure (default 50)
#   --java-home DIR  measure with this JDK (repeatable: one table each); default: $JAVA_HOME, else
#                    the java on PATH
#
# Everything happens under one temporary directory: the prefix, the workspaces, a private tmux server
# (config tmux_socket) and a fake codex (bench/fake-codex). Nothing touches ~/.ai-orch or your tmux.
# shellcheck disable=SC2016 # backquotes in table cells are Markdown, not command substitution
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME uses the locale's decimal point

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
REPS=21
LOOP=50
BUILD=1
MVN_OFFLINE=()
JAVA_HOMES=()
RUNS=1000
WARMUP=2

while [ $# -gt 0 ]; do
    case $1 in
        --no-build) BUILD=0; shift ;;
        --offline) MVN_OFFLINE=(-o); shift ;;
        --reps) REPS=$2; shift 2 ;;
        --loop) LOOP=$2; shift 2 ;;
        --java-home) JAVA_HOMES+=("$2"); shift 2 ;;
        -h | --help) sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) printf 'bench/run.sh: unknown option %s\n' "$1" >&2; exit 2 ;;
    esac
done
START_REPS=$(( (REPS + 1) / 2 ))
WAIT_REPS=$(( REPS < 7 ? REPS : 7 ))

die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }
note() { printf '%s\n' "$*" >&2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/agentctl-bench.XXXXXX")
SOCKETS=()
cleanup() {
    local s
    for s in "${SOCKETS[@]}"; do
        tmux -L "$s" kill-server 2>/dev/null || true
        rm -f -- "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$s" # tmux leaves its socket file behind
    done
    rm -rf -- "$TMP"
}
trap cleanup EXIT
unset TMUX TMUX_PANE AI_ORCH_HOME

# ---- helpers --------------------------------------------------------------------------------------

now_us() { local t=$EPOCHREALTIME; printf '%s' "${t/./}"; }

# Prints "median min max" in milliseconds (one decimal) of the microsecond samples given.
stats() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f\n", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

# time_runs REPS CMD...: runs CMD (output discarded) WARMUP+REPS times; sets SAMPLES (µs).
time_runs() {
    local reps=$1 i t0 t1
    shift
    SAMPLES=()
    for ((i = 0; i < reps + WARMUP; i++)); do
        t0=$(now_us)
        "$@" >/dev/null 2>>"$TMP/errors.log" || die "failed: $* (see $TMP/errors.log)"
        t1=$(now_us)
        if [ "$i" -ge "$WARMUP" ]; then SAMPLES+=($((t1 - t0))); fi
    done
}

# row MEASURE TARGET_MS VALUE_MS UNIT EXTRA: one line of the table; TARGET empty = reference only.
row() {
    local measure=$1 target=$2 value=$3 unit=$4 extra=$5 verdict=''
    if [ -n "$target" ]; then
        verdict=$(awk -v v="$value" -v t="$target" 'BEGIN { print (v <= t) ? "yes" : "NO" }')
    fi
    printf '| %s | %s %s | %s | %s | %s |\n' "$measure" "$value" "$unit" "${target:+≤ $target $unit}" "$verdict" "$extra"
}

# ---- fixtures -------------------------------------------------------------------------------------

iso() { printf '2026-%02d-%02dT%02d:%02d:%02d.%03dZ' $((1 + $1 / 300 % 12)) $((1 + $1 / 10 % 28)) $(($1 % 24)) $(($1 % 60)) $(($1 * 7 % 60)) $(($1 % 1000)); }

# A finished run's meta.json as the supervisor writes it, with a realistic amount of text.
synth_meta() {
    local i=$1 id=$2 ws=$3 outcome=succeeded goal=true
    case $((i % 10)) in 7) outcome=goal_not_met goal=false ;; 9) outcome=failed goal=false ;; esac
    cat <<EOF
{
  "run_id": "$id",
  "title": "bench task $i: tidy up module $((i % 37))",
  "project": "proj$((i % 5))",
  "project_dir": "/srv/src/proj$((i % 5))",
  "profile": "spark",
  "model": "gpt-5.3-codex-spark",
  "reasoning_effort": "low",
  "sandbox": null,
  "created_at": "$(iso "$i")",
  "status": "finished",
  "outcome": "$outcome",
  "mode": "exec",
  "parent_run_id": null,
  "thread_id": "0199a0b1-$(printf '%04x' "$i")-7000-8000-00000000$(printf '%04x' "$i")",
  "resume_thread_id": null,
  "exit_code": 0,
  "ended_at": "$(iso "$i")",
  "goal_met": $goal,
  "summary": "Refactored the parser of module $((i % 37)) into smaller functions, added unit tests for the edge cases around empty input and trailing separators, and updated the README section that describes the options.",
  "followup_prompt": "Run the integration tests of module $((i % 37)) against the staging data set and fix whatever the new parser breaks there.",
  "notes": "The old behaviour of silently dropping a trailing separator was relied on by two callers; both were updated.",
  "last_message": "{\"goal_met\": $goal, \"summary\": \"Refactored the parser of module $((i % 37)) into smaller functions, added unit tests.\", \"followup_prompt\": \"\", \"notes\": \"\"}",
  "git_diff_stat": " src/parser.py       | 120 +++++++++++++++---------\n tests/test_parser.py |  64 +++++++++++++\n README.md            |   9 +-\n 3 files changed, 150 insertions(+), 43 deletions(-)",
  "error": null,
  "timeout_s": 1800,
  "launcher": "tmux",
  "tmux_session": "ai",
  "pane_id": "%$i",
  "supervisor_pid": $((100000 + i)),
  "codex_pid": $((200000 + i)),
  "base_commit": "4f6c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e",
  "usage": {
    "input_tokens": $((20000 + i * 13)),
    "cached_input_tokens": $((15000 + i * 7)),
    "output_tokens": $((900 + i)),
    "reasoning_output_tokens": $((300 + i))
  },
  "last_event_at": "$(iso "$i")",
  "stalled": false,
  "duration_s": $((30 + i % 600)).$((i % 10)),
  "codex_argv": [
    "/usr/local/bin/codex", "exec", "--json", "--skip-git-repo-check", "-C", "/srv/src/proj$((i % 5))",
    "--dangerously-bypass-approvals-and-sandbox", "-m", "gpt-5.3-codex-spark", "-c", "model_reasoning_effort=\"low\"",
    "--output-schema", "$ws/codex_output_schema.json", "-o", "$ws/runs/$id/last_message.json", "-"
  ],
  "started_at": "$(iso "$i")",
  "supervisor_started_at_ms": $((1760000000000 + i)),
  "codex_started_at_ms": $((1760000000500 + i)),
  "start_tree": "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b"
}
EOF
}

synth_runs() {
    local ws=$1 n=$2 i id
    mkdir -p "$ws/runs"
    for ((i = 1; i <= n; i++)); do
        id=$(printf '2026%04d-%06d-%06x' $((i % 1200 + 100)) $((i * 7 % 240000)) $((i * 2654435761 % 16777216)))
        mkdir "$ws/runs/$id"
        synth_meta "$i" "$id" "$ws" >"$ws/runs/$id/meta.json"
        printf 'prompt %s\n' "$i" >"$ws/runs/$id/prompt.md"
    done
    LAST_ID=$id
}

# A run waiting for its supervisor (queued moments ago), so wait blocks and no reconcile marks it lost.
queued_run() {
    local ws=$1 id=$2
    mkdir -p "$ws/runs/$id"
    printf '{"run_id":"%s","status":"queued","outcome":null,"project":"p","profile":"spark","title":"w","created_at":"%s"}\n' \
        "$id" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" >"$ws/runs/$id/meta.json"
}

# Finalizing a run as the supervisor does: a complete new meta.json written aside, then renamed over
# the old one (finalize_rename), which is the moment wait must notice.
finalize_prepare() { synth_meta 1 "$2" "$1" >"$1/runs/$2/.meta.json.tmp-bench"; }
finalize_rename() { mv -f "$1/runs/$2/.meta.json.tmp-bench" "$1/runs/$2/meta.json"; }

make_project() {
    local dir=$1
    mkdir -p "$dir"
    git -C "$dir" init -q
    printf 'print("hello")\n' >"$dir/main.py"
    git -C "$dir" add -A
    git -C "$dir" -c user.name=bench -c user.email=bench@example.invalid commit -qm init
}

make_start_workspace() {
    local ws=$1 socket=$2
    mkdir -p "$ws"
    cat >"$ws/config.json" <<EOF
{"tmux_socket": "$socket", "tmux_session": "bench", "codex_bin": "$ROOT/bench/fake-codex",
 "launcher": "tmux", "pane_linger": "0", "tmux_sendkeys_target": ""}
EOF
    "$AGENTCTL" --home "$ws" init >/dev/null
    # The orchestrator's session exists already, as it does for a real caller.
    tmux -L "$socket" new-session -d -s bench -x 220 -y 50
}

# ---- measures -------------------------------------------------------------------------------------

waits_on_inotify() {
    local fd
    for fd in "/proc/$1/fd/"*; do
        case $(readlink "$fd" 2>/dev/null) in *inotify*) return 0 ;; esac
    done
    return 1
}

# measure_wait WS N: `wait` on N queued runs; sets WAIT_LAT (µs samples) and WAIT_HWM (KiB samples).
measure_wait() {
    local ws=$1 n=$2 r k pid t0 t1 deadline hwm
    WAIT_LAT=() WAIT_HWM=()
    for ((r = 0; r < WAIT_REPS; r++)); do
        local ids=()
        for ((k = 0; k < n; k++)); do ids+=("wait-$n-$r-$k"); queued_run "$ws" "${ids[k]}"; done
        "$AGENTCTL" --home "$ws" wait "${ids[@]}" --timeout 120s >/dev/null 2>>"$TMP/errors.log" &
        pid=$!
        deadline=$((SECONDS + 30))
        until waits_on_inotify "$pid"; do
            [ "$SECONDS" -lt "$deadline" ] || die "wait never started watching"
            sleep 0.05
        done
        sleep 2.5 # past its first liveness check: the heap it keeps while waiting
        hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
        # The last run's final meta is the one that ends the wait; time from its rename to the exit.
        for ((k = 0; k < n - 1; k++)); do finalize_prepare "$ws" "${ids[k]}"; finalize_rename "$ws" "${ids[k]}"; done
        finalize_prepare "$ws" "${ids[n - 1]}"
        sleep 0.2
        t0=$(now_us)
        finalize_rename "$ws" "${ids[n - 1]}"
        wait "$pid" || die "wait exited $?"
        t1=$(now_us)
        WAIT_LAT+=($((t1 - t0)))
        WAIT_HWM+=($((hwm * 1000 / 1024))) # stats() divides by 1000: MiB out
    done
}

# The cost of the rename itself (starting mv), taken off the wait latency.
finalize_cost() {
    local ws=$1 r t0 t1 s=()
    for ((r = 0; r < 11; r++)); do
        queued_run "$ws" "fin-$r"
        finalize_prepare "$ws" "fin-$r"
        t0=$(now_us)
        finalize_rename "$ws" "fin-$r"
        t1=$(now_us)
        s+=($((t1 - t0)))
    done
    stats "${s[@]}" | awk '{ print $1 * 1000 }'
}

start_one() { "$AGENTCTL" --home "$START_WS" start --project "$PROJECT" --title bench <"$TMP/prompt.txt"; }

measure_start() {
    local r id t0 t1
    START_SAMPLES=()
    for ((r = 0; r < START_REPS + WARMUP; r++)); do
        t0=$(now_us)
        id=$(start_one 2>>"$TMP/errors.log") || die "start failed (see $TMP/errors.log)"
        t1=$(now_us)
        if [ "$r" -ge "$WARMUP" ]; then START_SAMPLES+=($((t1 - t0))); fi
        # Let the run finish first, so its supervisor does not compete with the next start.
        "$AGENTCTL" --home "$START_WS" wait "$id" --timeout 120s >/dev/null || die "run $id did not succeed"
    done
}

# The loop an orchestrator or a bash script runs; then every run must finish and notify.
measure_loop() {
    local ws=$1 i t0 t1 t2 ids=() notified done_ok
    t0=$(now_us)
    for ((i = 1; i <= LOOP; i++)); do
        ids+=("$("$AGENTCTL" --home "$ws" start --project "$PROJECT" --title "loop $i" <"$TMP/prompt.txt")")
    done
    t1=$(now_us)
    "$AGENTCTL" --home "$ws" wait "${ids[@]}" --timeout 600s --exit-status >"$TMP/loop.json" \
        || die "the loop's runs did not all succeed (see $TMP/loop.json)"
    t2=$(now_us)
    notified=0
    for i in "${ids[@]}"; do
        if grep -q "\"run_id\":\"$i\"" "$ws/notify.jsonl"; then notified=$((notified + 1)); fi
    done
    done_ok=$(grep -c '"outcome": "succeeded"' "$TMP/loop.json" || true)
    LOOP_RESULT="$done_ok/$LOOP succeeded, $notified notifications; starts took $(((t1 - t0) / 1000)) ms, all done after $(((t2 - t0) / 1000)) ms"
    LOOP_OK=$([ "$done_ok" -eq "$LOOP" ] && [ "$notified" -eq "$LOOP" ] && echo yes || echo NO)
}

# ---- one JDK --------------------------------------------------------------------------------------

bench_java() {
    local java_home=$1 label=$2 prefix=$TMP/prefix-$3 socket=agentctl-bench-$$-$3
    note "==> $label: installing into $prefix"
    if ! JAVA_HOME=$java_home AI_ORCH_HOME=$TMP/install-ws PATH="$java_home/bin:$PATH" \
        "$ROOT/install.sh" --no-build --prefix "$prefix" >"$TMP/install-$3.log" 2>&1; then
        cat "$TMP/install-$3.log" >&2
        die "install.sh failed"
    fi
    export JAVA_HOME=$java_home
    AGENTCTL=$prefix/bin/agentctl
    local archives='' f
    for f in "$prefix/share/agentctl/"*.jsa "$prefix/share/agentctl/"*.aot; do
        if [ -f "$f" ]; then archives="$archives ${f##*/}"; fi
    done
    printf '\n### %s (%s; start-up archives:%s)\n\n' "$label" "$("$java_home/bin/java" -version 2>&1 | head -1)" "${archives:- none}"
    printf '| measure | median | target | met | note |\n|---|---|---|---|---|\n'

    local list_ws=$TMP/ws-list-$3
    note "==> $label: synthesizing $RUNS runs"
    synth_runs "$list_ws" "$RUNS"
    "$AGENTCTL" --home "$list_ws" init >/dev/null
    local show_id=$LAST_ID m

    note "==> $label: show, list"
    time_runs "$REPS" "$AGENTCTL" --version
    read -r m _ <<<"$(stats "${SAMPLES[@]}")"; row '`agentctl --version`' '' "$m" ms ''
    time_runs "$REPS" "$AGENTCTL" --home "$list_ws" show "$show_id"
    read -r m _ <<<"$(stats "${SAMPLES[@]}")"; row '`agentctl show RUN`' 110 "$m" ms ''
    time_runs "$REPS" "$AGENTCTL" --home "$list_ws" list
    read -r m _ <<<"$(stats "${SAMPLES[@]}")"; row "\`agentctl list\` ($RUNS runs)" 300 "$m" ms ''
    local cold=() r t0 t1
    for ((r = 0; r < 5; r++)); do
        rm -f "$list_ws/runs/.index.jsonl"
        t0=$(now_us)
        "$AGENTCTL" --home "$list_ws" list >/dev/null 2>>"$TMP/errors.log" || die "list failed"
        t1=$(now_us)
        cold+=($((t1 - t0)))
    done
    read -r m _ <<<"$(stats "${cold[@]}")"; row "\`agentctl list\` ($RUNS runs), first call: builds the run index" '' "$m" ms 'median of 5'
    time_runs "$REPS" "$AGENTCTL" --home "$list_ws" list --json
    read -r m _ <<<"$(stats "${SAMPLES[@]}")"; row "\`agentctl list --json\` ($RUNS runs)" '' "$m" ms ''
    time_runs "$REPS" "$AGENTCTL" --home "$list_ws" list --limit 10
    read -r m _ <<<"$(stats "${SAMPLES[@]}")"; row "\`agentctl list --limit 10\` ($RUNS runs)" '' "$m" ms ''

    START_WS=$TMP/ws-start-$3
    SOCKETS+=("$socket")
    make_start_workspace "$START_WS" "$socket"
    note "==> $label: start ($START_REPS runs, each waited for)"
    measure_start
    read -r m _ <<<"$(stats "${START_SAMPLES[@]}")"; row '`agentctl start` until the id is printed' 200 "$m" ms ''

    note "==> $label: wait"
    local fin
    fin=$(finalize_cost "$START_WS")
    measure_wait "$START_WS" 1
    local lat=() s
    for s in "${WAIT_LAT[@]}"; do lat+=($((s - fin))); done
    read -r m _ <<<"$(stats "${lat[@]}")"
    row 'final meta written → `wait` exits' 50 "$m" ms "from the rename to the exit, less $(awk -v f="$fin" 'BEGIN { printf "%.1f", f / 1000 }') ms to start mv"
    read -r m _ <<<"$(stats "${WAIT_HWM[@]}")"; row 'peak RSS of a waiting `wait RUN`' 36 "$m" MiB 'VmHWM after 2.5 s of waiting'
    measure_wait "$START_WS" 20
    read -r m _ <<<"$(stats "${WAIT_HWM[@]}")"; row 'peak RSS of a waiting `wait` on 20 runs' 36 "$m" MiB ''

    note "==> $label: $LOOP runs started in a loop"
    local loop_ws=$TMP/ws-loop-$3
    make_start_workspace "$loop_ws" "$socket-loop"
    SOCKETS+=("$socket-loop")
    measure_loop "$loop_ws"
    printf '| %s runs started in a loop (fake codex) | %s | all finish, %s notifications | %s | |\n' "$LOOP" "$LOOP_RESULT" "$LOOP" "$LOOP_OK"

    tmux -L "$socket" kill-server 2>/dev/null || true
    tmux -L "$socket-loop" kill-server 2>/dev/null || true
}

# ---- main -----------------------------------------------------------------------------------------

command -v tmux >/dev/null || die "tmux is needed"
command -v git >/dev/null || die "git is needed"
[ "${BASH_VERSINFO[0]}" -ge 5 ] || die "bash 5 or newer is needed (EPOCHREALTIME)"

if [ "$BUILD" -eq 1 ]; then
    note "==> Building (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q "${MVN_OFFLINE[@]}" -DskipTests package) >&2 || die "the build failed"
fi
[ -f "$ROOT/target/agentctl.jar" ] || die "target/agentctl.jar is missing; drop --no-build"

if [ "${#JAVA_HOMES[@]}" -eq 0 ]; then
    if [ -n "${JAVA_HOME:-}" ]; then
        JAVA_HOMES+=("$JAVA_HOME")
    else
        default_java=$(command -v java) || die "java not found"
        JAVA_HOMES+=("$(dirname -- "$(dirname -- "$(readlink -f -- "$default_java")")")")
    fi
fi

printf 'test prompt\n' >"$TMP/prompt.txt"
PROJECT=$TMP/project
make_project "$PROJECT"

printf '# agentctl benchmark, %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
printf 'Machine: %s, %s cores, %s; load average before: %s\n' "$(uname -m)" "$(nproc)" \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'Medians of %s runs (start: %s, wait: %s), after %s warm-up runs each.\n' "$REPS" "$START_REPS" "$WAIT_REPS" "$WARMUP"

# The floor: a python3 that reads one meta.json and prints it, the least any such tool can do.
if command -v python3 >/dev/null; then
    ref_ws=$TMP/ws-ref
    synth_runs "$ref_ws" 1
    time_runs "$REPS" python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=2))' \
        "$ref_ws/runs/$LAST_ID/meta.json"
    read -r m _ <<<"$(stats "${SAMPLES[@]}")"
    printf '\nReference: python3 reading one meta.json and printing it: %s ms (median).\n' "$m"
fi

n=0
for jh in "${JAVA_HOMES[@]}"; do
    n=$((n + 1))
    major=$("$jh/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    bench_java "$jh" "Java $major" "$n"
done
printf '\nLoad average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
