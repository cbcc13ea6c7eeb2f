#!/usr/bin/env bash
# Part of agentctl.
# bench/run.sh: builds agentctl, installs it into a temporary prefix (with its start-up archives, as
# install.sh makes them), makes workspaces of 100 and 10,000 finished runs (`agentctl internal
# make-runs`) and prints a table of medians for the commands an orchestrator calls most, the memory of
# waiting processes, and a loop of runs. Not part of the test suite.
#
# Usage: bench/run.sh [--no-build] [--offline] [--reps N] [--loop N] [--runs N] [--running N] [--java-home DIR]...
#   --no-build       use the existing target/agentctl.jar
#   --offline        build with mvn -o
#   --reps N         repetitions per measure (default 21; start and wait use fewer)
#   --loop N         runs started in the loop measure (default 100)
#   --runs N         finished runs in the large workspace (default 10000)
#   --running N      supervisors running at once for the memory measure (default 30)
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
LOOP=100
BUILD=1
MVN_OFFLINE=()
JAVA_HOMES=()
RUNS=10000
SMALL=100
RUNNING=30
WARMUP=2

while [ $# -gt 0 ]; do
    case $1 in
        --no-build) BUILD=0; shift ;;
        --offline) MVN_OFFLINE=(-o); shift ;;
        --reps) REPS=$2; shift 2 ;;
        --loop) LOOP=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --running) RUNNING=$2; shift 2 ;;
        --java-home) JAVA_HOMES+=("$2"); shift 2 ;;
        -h | --help) sed -n '3,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# make_runs WS N: N finished runs made by agentctl itself, an hour apart, in five projects; LAST_ID
# is the newest. (install.sh's start-up training makes its runs the same way.)
make_runs() {
    local ws=$1 n=$2
    LAST_ID=$("$AGENTCTL" --home "$ws" internal make-runs --count "$n" --every 1h \
        --project proj0 --project proj1 --project proj2 --project proj3 --project proj4 | tail -n 1)
    [ -n "$LAST_ID" ] || die "internal make-runs made no runs"
}

# queued_runs WS N: N runs queued just now (so wait blocks and no reconcile marks them lost), made by
# agentctl itself; their ids in QUEUED.
queued_runs() {
    mapfile -t QUEUED < <("$AGENTCTL" --home "$1" internal make-runs --count "$2" --status queued --every 0)
    [ "${#QUEUED[@]}" -eq "$2" ] || die "internal make-runs made ${#QUEUED[@]} queued runs, not $2"
}

# Finalizing a run as the supervisor does: a complete new meta.json written aside, then renamed over
# the old one (finalize_rename), which is the moment wait must notice.
finalize_prepare() {
    sed -e "s/$FINISHED_ID/$2/g" "$FINISHED_META" >"$1/runs/$2/.meta.json.tmp-bench"
}
finalize_rename() { mv -f "$1/runs/$2/.meta.json.tmp-bench" "$1/runs/$2/meta.json"; }

make_project() {
    local dir=$1
    mkdir -p "$dir"
    git -C "$dir" init -q
    printf 'print("hello")\n' >"$dir/main.py"
    git -C "$dir" add -A
    git -C "$dir" -c user.name=bench -c user.email=bench@example.invalid commit -qm init
}

# make_start_workspace WS SOCKET [CODEX [LINGER]]: a workspace whose runs open panes on a private tmux server.
make_start_workspace() {
    local ws=$1 socket=$2 codex=${3:-$ROOT/bench/fake-codex} linger=${4:-0}
    mkdir -p "$ws"
    cat >"$ws/config.json" <<EOF
{"tmux_socket": "$socket", "tmux_session": "bench", "codex_bin": "$codex",
 "launcher": "tmux", "pane_linger": "$linger", "tmux_sendkeys_target": "", "max_concurrent": 0}
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
        queued_runs "$ws" "$n"
        local ids=("${QUEUED[@]}")
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
    queued_runs "$ws" 11
    for ((r = 0; r < 11; r++)); do
        finalize_prepare "$ws" "${QUEUED[r]}"
        t0=$(now_us)
        finalize_rename "$ws" "${QUEUED[r]}"
        t1=$(now_us)
        s+=($((t1 - t0)))
    done
    stats "${s[@]}" | awk '{ print $1 * 1000 }'
}

start_one() { "$AGENTCTL" --home "$START_WS" start --project "$PROJECT" --title bench <"$TMP/prompt.txt"; }

measure_start() {
    local r id t0 t1
    START_SAMPLES=() START_IDS=()
    for ((r = 0; r < START_REPS + WARMUP; r++)); do
        t0=$(now_us)
        id=$(start_one 2>>"$TMP/errors.log") || die "start failed (see $TMP/errors.log)"
        t1=$(now_us)
        if [ "$r" -ge "$WARMUP" ]; then START_SAMPLES+=($((t1 - t0))); fi
        START_IDS+=("$id")
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
    "$AGENTCTL" --home "$ws" wait "${ids[@]}" --timeout 900s --exit-status >"$TMP/loop.json" \
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

# median_of CMD...: the median (ms) of CMD timed REPS times.
median_of() {
    time_runs "$REPS" "$@"
    stats "${SAMPLES[@]}" | awk '{ print $1 }'
}

# A process's proportional set size in MiB (pages it shares count by their share).
pss_mib() { awk '/^Pss:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/smaps_rollup"; }

# measure_supervisors N SOCKET: RUNNING runs whose codex waits for a release file; the median PSS of
# their supervisors once all are running; then they are released and must all succeed.
measure_supervisors() {
    local ws=$TMP/ws-pss-$1 socket=$2 release=$TMP/release-$1 i ids=() p deadline samples=()
    make_start_workspace "$ws" "$socket" "$ROOT/bench/slow-codex"
    for ((i = 1; i <= RUNNING; i++)); do
        ids+=("$(AGENTCTL_BENCH_RELEASE=$release "$AGENTCTL" --home "$ws" start --project "$PROJECT" --title "pss $i" <"$TMP/prompt.txt")")
    done
    deadline=$((SECONDS + 300))
    until [ "$(grep -l '"codex_pid": [0-9]' "$ws"/runs/*/meta.json 2>/dev/null | wc -l)" -ge "$RUNNING" ]; do
        [ "$SECONDS" -lt "$deadline" ] || die "the supervisors did not all start codex"
        sleep 0.5
    done
    sleep 5 # past start-up: what a supervisor holds while it waits for codex
    for i in "${ids[@]}"; do
        p=$(sed -n 's/.*"supervisor_pid": \([0-9]*\).*/\1/p' "$ws/runs/$i/meta.json")
        if [ -n "$p" ] && [ -r "/proc/$p/smaps_rollup" ]; then samples+=("$(pss_mib "$p")"); fi
    done
    PSS_MEDIAN=$(printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    PSS_COUNT=${#samples[@]}
    touch "$release"
    "$AGENTCTL" --home "$ws" wait "${ids[@]}" --timeout 300s --exit-status >/dev/null || die "the supervised runs did not all succeed"
}

# rss_tree PID: resident KiB of a process and all its descendants.
rss_tree() {
    local total c
    total=$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0)
    for c in $(pgrep -P "$1"); do total=$((total + $(rss_tree "$c"))); done
    printf '%s\n' "${total:-0}"
}

# A finished run's pane while it lingers: the resident memory of the processes in it.
measure_lingering_pane() {
    local ws=$TMP/ws-linger-$1 socket=$2 id pane pid
    make_start_workspace "$ws" "$socket" "$ROOT/bench/fake-codex" 60s
    id=$("$AGENTCTL" --home "$ws" start --project "$PROJECT" --title linger <"$TMP/prompt.txt")
    "$AGENTCTL" --home "$ws" wait "$id" --timeout 120s >/dev/null || die "the lingering run failed"
    sleep 2
    pane=$(sed -n 's/.*"pane_id": "\(%[0-9]*\)".*/\1/p' "$ws/runs/$id/meta.json")
    LINGER_MIB=n/a
    pid=$(tmux -L "$socket" display-message -p -t "$pane" '#{pane_pid}' 2>/dev/null) || return 0
    LINGER_MIB=$(awk -v k="$(rss_tree "$pid")" 'BEGIN { printf "%.1f", k / 1024 }')
    LINGER_WHAT=$(ps -o comm= -p "$pid" 2>/dev/null; { pgrep -P "$pid" -l || true; } | awk '{ print $2 }')
    LINGER_WHAT=$(printf '%s\n' "$LINGER_WHAT" | sort -u | tr '\n' ' ')
}

# What the original Python tool's list did: the newest 30 run directories by name, each meta.json read.
python_list() {
    python3 -c '
import json, os, sys
runs = os.path.join(sys.argv[1], "runs")
for name in sorted((n for n in os.listdir(runs) if not n.startswith(".")), reverse=True)[:30]:
    m = json.load(open(os.path.join(runs, name, "meta.json")))
    print("\t".join(str(m.get(k)) for k in ("run_id", "status", "project", "profile", "goal_met", "exit_code", "title")))
' "$1"
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

    local small_ws=$TMP/ws-small-$3 big_ws=$TMP/ws-big-$3 small_id big_id m small big
    note "==> $label: making $SMALL and $RUNS finished runs"
    make_runs "$small_ws" "$SMALL"
    small_id=$LAST_ID
    # The final meta that wait's measure renames over a queued run's: a finished run's, its id replaced.
    FINISHED_ID=$small_id
    FINISHED_META=$small_ws/runs/$small_id/meta.json
    make_runs "$big_ws" "$RUNS"
    big_id=$LAST_ID
    # The first list builds the index, as the first after an upgrade does; the second confirms it.
    "$AGENTCTL" --home "$small_ws" list >/dev/null && "$AGENTCTL" --home "$small_ws" list >/dev/null
    "$AGENTCTL" --home "$big_ws" list >/dev/null && "$AGENTCTL" --home "$big_ws" list >/dev/null

    note "==> $label: show, list, wait, status"
    m=$(median_of "$AGENTCTL" --version); row '`agentctl --version`' '' "$m" ms ''
    small=$(median_of "$AGENTCTL" --home "$small_ws" list)
    row "\`agentctl list\` ($SMALL runs)" '' "$small" ms '30 rows'
    big=$(median_of "$AGENTCTL" --home "$big_ws" list)
    row "\`agentctl list\` ($RUNS runs)" "$(awk -v s="$small" 'BEGIN { t = s * 1.2; printf "%.1f", (t < 120 ? t : 120) }')" "$big" ms \
        "30 rows; target: 1.2 × the $SMALL-run list, at most 120 ms"
    if command -v python3 >/dev/null; then
        m=$(median_of python_list "$big_ws")
        row "python3 reference: \`meta.json\` of the newest 30 ($RUNS runs)" '' "$m" ms 'what the original tool did for list'
    fi
    m=$(median_of "$AGENTCTL" --home "$big_ws" list --limit 1000); row "\`agentctl list --limit 1000\` ($RUNS runs)" 250 "$m" ms ''
    m=$(median_of "$AGENTCTL" --home "$big_ws" list --project proj3 --status failed)
    row "\`agentctl list --project P --status failed\` ($RUNS runs)" '' "$m" ms 'a filter that reads the whole index'
    local cold=() r t0 t1
    for ((r = 0; r < 3; r++)); do
        rm -f "$big_ws/runs/.index.jsonl"
        t0=$(now_us)
        "$AGENTCTL" --home "$big_ws" list >/dev/null 2>>"$TMP/errors.log" || die "list failed"
        t1=$(now_us)
        cold+=($((t1 - t0)))
    done
    "$AGENTCTL" --home "$big_ws" list >/dev/null
    read -r m _ <<<"$(stats "${cold[@]}")"; row "\`agentctl list\` ($RUNS runs), index deleted: rebuilds it" '' "$m" ms 'median of 3'
    compare_row "\`agentctl show RUN\`" show "$small_ws" "$small_id" "$big_ws" "$big_id"
    compare_row "\`agentctl wait\` on a finished run" wait "$small_ws" "$small_id" "$big_ws" "$big_id"
    if "$AGENTCTL" --home "$small_ws" status >/dev/null 2>&1; then
        "$AGENTCTL" --home "$big_ws" internal make-runs --count 50 --status queued --every 0 >/dev/null
        "$AGENTCTL" --home "$small_ws" internal make-runs --count 50 --status queued --every 0 >/dev/null
        compare_row "\`agentctl status\` (+ 50 queued)" status "$small_ws" '' "$big_ws" ''
    else
        printf '| `agentctl status` (%s runs + 50 queued) | n/a | | | this build has no status command |\n' "$RUNS"
    fi

    START_WS=$TMP/ws-start-$3
    SOCKETS+=("$socket")
    make_start_workspace "$START_WS" "$socket"
    note "==> $label: start ($START_REPS runs, each waited for)"
    measure_start
    read -r m _ <<<"$(stats "${START_SAMPLES[@]}")"; row '`agentctl start` until the id is printed' 80 "$m" ms ''

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

    note "==> $label: $RUNNING supervisors running at once"
    SOCKETS+=("$socket-pss")
    measure_supervisors "$3" "$socket-pss"
    row "supervisor of a running run, PSS with $RUNNING running" 12 "$PSS_MEDIAN" MiB "median of $PSS_COUNT (\`/proc/PID/smaps_rollup\`)"
    tmux -L "$socket-pss" kill-server 2>/dev/null || true

    note "==> $label: a finished run's lingering pane"
    SOCKETS+=("$socket-linger")
    measure_lingering_pane "$3" "$socket-linger"
    if [ "$LINGER_MIB" = n/a ]; then
        printf '| finished pane while lingering | n/a | ≤ 2 MiB | | the pane was gone |\n'
    else
        row 'finished pane while lingering, RSS of its processes' 2 "$LINGER_MIB" MiB "$LINGER_WHAT"
    fi
    tmux -L "$socket-linger" kill-server 2>/dev/null || true

    note "==> $label: $LOOP runs started in a loop"
    local loop_ws=$TMP/ws-loop-$3
    make_start_workspace "$loop_ws" "$socket-loop"
    SOCKETS+=("$socket-loop")
    measure_loop "$loop_ws"
    printf '| %s runs started in a loop (fake codex, `max_concurrent` 0) | %s | all finish, %s notifications | %s | |\n' "$LOOP" "$LOOP_RESULT" "$LOOP" "$LOOP_OK"

    tmux -L "$socket" kill-server 2>/dev/null || true
    tmux -L "$socket-loop" kill-server 2>/dev/null || true
}

# compare_row LABEL COMMAND SMALL_WS SMALL_ARG BIG_WS BIG_ARG: the command on both workspaces; the
# large one's target is the small one's figure (+20 % for noise).
compare_row() {
    local label=$1 cmd=$2 small big
    # shellcheck disable=SC2086 # an empty argument is no argument
    small=$(median_of "$AGENTCTL" --home "$3" "$cmd" $4)
    row "$label ($SMALL runs)" '' "$small" ms ''
    # shellcheck disable=SC2086
    big=$(median_of "$AGENTCTL" --home "$5" "$cmd" $6)
    row "$label ($RUNS runs)" "$(awk -v s="$small" 'BEGIN { printf "%.1f", s * 1.2 }')" "$big" ms "target: the $SMALL-run figure (+20 % for noise)"
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

n=0
for jh in "${JAVA_HOMES[@]}"; do
    n=$((n + 1))
    major=$("$jh/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    bench_java "$jh" "Java $major" "$n"
done
printf '\nLoad average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
