#!/usr/bin/env bash
# Part of agentctl.
# install.sh: builds agentctl and installs it under a prefix; --uninstall removes it again; --test
# installs what the test suite needs and runs it. Non-interactive and safe to run again.
set -euo pipefail

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# The tested agent versions are spelled once, in pom.xml (the jar reads them from there too).
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml"; }
CODEX_VERSION=$(pom_property codex.version)
CODEX_PREVIOUS_VERSION=$(pom_property codex.previous.version) # still tested: one turn and a resume
CLAUDE_VERSION=$(pom_property claude.version)
# The MCP TypeScript SDK the MCP tests drive `agentctl mcp` with (install.sh --test).
MCP_SDK_VERSION=$(pom_property mcp.sdk.version)
readonly CODEX_VERSION CODEX_PREVIOUS_VERSION CLAUDE_VERSION MCP_SDK_VERSION
readonly MIN_JAVA=17
readonly MARKER='# Part of agentctl.' # second line of every script we install; guards foreign files

PREFIX=${PREFIX:-$HOME/.local}
MODE=install
BUILD=1
CODEX=1
APT_UPDATED=0
TMP_DIR=

usage() {
    cat <<EOF
Usage: ./install.sh [--prefix DIR] [--no-build] [--no-codex]
       ./install.sh --uninstall [--prefix DIR]
       ./install.sh --test

Installs agentctl into PREFIX (default \$PREFIX, else ~/.local):
  PREFIX/bin/agentctl, PREFIX/bin/orch, PREFIX/share/agentctl/{agentctl.jar,*.jsa,config/,prompts/},
  bash completion in PREFIX/share/bash-completion/completions/agentctl,
  and, when codex is missing and npm is there, codex $CODEX_VERSION in PREFIX/share/agentctl/codex
  (PREFIX/bin/codex links to it); then runs 'agentctl init' for your workspace (\$AI_ORCH_HOME, else ~/.ai-orch).

Options:
  --prefix DIR   install under DIR instead of ~/.local
  --no-build     do not run Maven; install the existing target/agentctl.jar
  --no-codex     do not install codex, even when it is missing
  --uninstall    remove what install.sh installed under PREFIX (never the workspace)
  --test         install the test prerequisites (git, tmux; codex $CODEX_VERSION and $CODEX_PREVIOUS_VERSION,
                 Claude Code $CLAUDE_VERSION and the MCP TypeScript SDK $MCP_SDK_VERSION via npm, cached)
                 and run 'mvn -B verify'
  -h, --help     show this help

Needs Java $MIN_JAVA+, Maven (unless --no-build), git and tmux. A missing git or tmux is installed with
apt-get (as root, or through sudo) or Homebrew when possible.
EOF
}

step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'install.sh: warning: %s\n' "$*" >&2; }
die() {
    printf 'install.sh: error: %s\n' "$*" >&2
    exit 1
}

cleanup() { if [ -n "$TMP_DIR" ]; then rm -rf -- "$TMP_DIR"; fi; }

# Runs a noisy command with its output in a log; shows the log's end only when it fails.
quietly() {
    local log=$TMP_DIR/quietly.log rc=0
    "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then tail -n 30 "$log" >&2; fi
    return "$rc"
}

# Bounds a command that should be quick; `timeout` is missing on stock macOS.
bounded() {
    local seconds=$1
    shift
    if command -v timeout >/dev/null 2>&1; then timeout "$seconds" "$@"; else "$@"; fi
}

parse_args() {
    local mode_set=''
    while [ $# -gt 0 ]; do
        case $1 in
            --prefix)
                [ $# -ge 2 ] || { usage >&2; exit 2; }
                PREFIX=$2
                shift 2
                ;;
            --prefix=*) PREFIX=${1#*=}; shift ;;
            --no-build) BUILD=0; shift ;;
            --no-codex) CODEX=0; shift ;;
            --uninstall | --test)
                [ -z "$mode_set" ] || { printf 'install.sh: %s and %s exclude each other\n' "$mode_set" "$1" >&2; exit 2; }
                mode_set=$1
                MODE=${1#--}
                shift
                ;;
            -h | --help) usage; exit 0 ;;
            *)
                printf 'install.sh: unknown option: %s\n\n' "$1" >&2
                usage >&2
                exit 2
                ;;
        esac
    done
    [ -n "$PREFIX" ] || die "--prefix must not be empty"
}

# ---- packages -------------------------------------------------------------------------------------

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        # Without a terminal sudo must not wait for a password nobody can type.
        if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
    else
        return 1
    fi
}

# Package names for a tool, per package manager; empty when we do not install that tool there.
apt_packages() {
    case $1 in
        git | tmux) printf '%s\n' "$1" ;;
        npm) printf 'nodejs npm\n' ;;
        java) printf 'openjdk-%s-jdk-headless\n' "$MIN_JAVA" ;;
        mvn) printf 'maven\n' ;;
    esac
}
brew_packages() {
    case $1 in
        git | tmux) printf '%s\n' "$1" ;;
        npm) printf 'node\n' ;;
        mvn) printf 'maven\n' ;;
    esac
}

# Installs the packages for the given tools; returns non-zero when it cannot.
install_tools() {
    local manager tool pkgs=''
    if command -v apt-get >/dev/null 2>&1; then
        manager=apt
    elif [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null 2>&1; then
        manager=brew
    else
        return 1
    fi
    for tool in "$@"; do pkgs="$pkgs $("${manager}_packages" "$tool")"; done
    # shellcheck disable=SC2086 # a list of package names
    set -- $pkgs
    [ $# -gt 0 ] || return 1
    if [ "$manager" = brew ]; then
        step "brew install $*"
        quietly brew install "$@"
        return
    fi
    if [ "$APT_UPDATED" -eq 0 ]; then
        step "apt-get update"
        quietly as_root apt-get update || return 1
        APT_UPDATED=1
    fi
    step "apt-get install $*"
    quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# ---- prerequisites --------------------------------------------------------------------------------

# The java the launcher will run: $JAVA_HOME/bin/java, else java on PATH.
find_java() {
    if [ -n "${JAVA_HOME:-}" ]; then
        [ -x "$JAVA_HOME/bin/java" ] && printf '%s\n' "$JAVA_HOME/bin/java"
    else
        command -v java
    fi
}

# Major version from `java -version`: "1.8.0_392" -> 8, "17.0.15" -> 17, "21-ea" -> 21.
java_major() {
    local out
    out=$(bounded 30 "$1" -version 2>&1) || return 1
    [[ $out =~ version\ \"([0-9]+)(\.([0-9]+))? ]] || return 1
    if [ "${BASH_REMATCH[1]}" = 1 ]; then
        printf '%s\n' "${BASH_REMATCH[3]:-0}"
    else
        printf '%s\n' "${BASH_REMATCH[1]}"
    fi
}

java_ok() {
    local java major
    java=$(find_java) || return 1
    major=$(java_major "$java") || return 1
    [ "$major" -ge "$MIN_JAVA" ]
}

tool_ok() {
    case $1 in
        java) java_ok ;;
        *) command -v "$1" >/dev/null 2>&1 ;;
    esac
}

describe_missing() {
    case $1 in
        java)
            local java
            if [ -n "${JAVA_HOME:-}" ] && [ ! -x "$JAVA_HOME/bin/java" ]; then
                printf 'Java %s+ (JAVA_HOME=%s has no bin/java; fix or unset JAVA_HOME)\n' "$MIN_JAVA" "$JAVA_HOME"
            elif java=$(find_java); then
                printf 'Java %s+ (found %s: version %s; install a newer JDK or point JAVA_HOME at one)\n' \
                    "$MIN_JAVA" "$java" "$(java_major "$java" || echo unknown)"
            else
                printf 'Java %s+ (e.g. apt-get install openjdk-17-jdk-headless, or set JAVA_HOME)\n' "$MIN_JAVA"
            fi
            ;;
        mvn) printf 'Maven (e.g. apt-get install maven; or use --no-build with a built target/agentctl.jar)\n' ;;
        npm) printf 'npm (e.g. apt-get install nodejs npm)\n' ;;
        *) printf '%s (e.g. apt-get install %s)\n' "$1" "$1" ;;
    esac
}

# require_tools "TOOLS" "INSTALLABLE": every tool must be present; the installable ones are installed
# when missing. Exits naming everything still missing.
require_tools() {
    local tool missing='' installable=''
    for tool in $1; do
        tool_ok "$tool" && continue
        case " $2 " in
            *" $tool "*) installable="$installable $tool" ;;
            *) missing="$missing $tool" ;;
        esac
    done
    if [ -n "$installable" ]; then
        # shellcheck disable=SC2086 # a list of tool names
        install_tools $installable || warn "could not install:$installable"
        for tool in $installable; do tool_ok "$tool" || missing="$missing $tool"; done
    fi
    [ -z "$missing" ] && return 0
    printf 'install.sh: error: missing prerequisites:\n' >&2
    for tool in $missing; do printf '  - %s\n' "$(describe_missing "$tool")" >&2; done
    exit 1
}

# ---- install --------------------------------------------------------------------------------------

# A file we may overwrite or remove: absent, or one of ours.
ours_or_absent() {
    [ ! -e "$1" ] || grep -qxF "$MARKER" "$1" 2>/dev/null
}

# Copies through a temporary name and renames, so running JVMs keep the old jar and a running shell
# never reads a half-written script.
put() {
    local mode=$1 src=$2 dest=$3
    install -m "$mode" "$src" "$dest.tmp.$$"
    mv -f "$dest.tmp.$$" "$dest"
}

copy_dir() {
    local src=$1 dest=$2 f
    rm -rf -- "$dest"
    install -d "$dest"
    for f in "$src"/*; do
        if [ -f "$f" ]; then install -m 0644 "$f" "$dest/"; fi
    done
}

# Maven in batch mode without colour codes or download progress, whatever the terminal or ~/.mavenrc says.
maven() {
    MAVEN_OPTS="${MAVEN_OPTS:-} -Dstyle.color=never" \
        mvn -B --no-transfer-progress -Dstyle.color=never "$@"
}

build_jar() {
    if [ "$BUILD" -eq 1 ]; then
        step "Building target/agentctl.jar (mvn -B -q -DskipTests package)"
        (cd "$ROOT" && maven -q -DskipTests package) || die "the Maven build failed (see above)"
    else
        step "Using the existing target/agentctl.jar (--no-build)"
    fi
    [ -f "$ROOT/target/agentctl.jar" ] || die "$ROOT/target/agentctl.jar not found; build it with 'mvn -B -DskipTests package' or drop --no-build"
}

install_files() {
    local bin=$PREFIX/bin share=$PREFIX/share/agentctl f
    step "Installing into $PREFIX"
    for f in "$bin/agentctl" "$bin/orch"; do
        ours_or_absent "$f" || die "$f exists and is not agentctl's; move it away or choose another --prefix"
    done
    install -d "$bin" "$share"
    put 0755 "$ROOT/bin/agentctl" "$bin/agentctl"
    put 0755 "$ROOT/bin/orch" "$bin/orch"
    rm -f -- "$share/agentctl.jsa" "$share/agentctl-wait.jsa" "$share/agentctl-supervise.jsa" # archives of the previous jar are useless now
    put 0644 "$ROOT/target/agentctl.jar" "$share/agentctl.jar"
    copy_dir "$ROOT/config" "$share/config"
    copy_dir "$ROOT/prompts" "$share/prompts"
    info "$bin/agentctl, $bin/orch"
    info "$share/{agentctl.jar,config/,prompts/}"
}

# Each command run for training records the classes it loads, every JVM in a file of its own (%p is its
# pid), so the supervisor that the training start launches records too. `wait` records into lists of
# its own: besides the archive for everything it gets a small one (bin/agentctl says why).
train() {
    local list=classes
    if [ "$1" = wait ]; then list=wait-classes; fi
    AGENTCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$TRAIN_DIR/$list.%p" \
        bounded 60 "$PREFIX/bin/agentctl" --home "$TRAIN_DIR/ws" "$@" </dev/null >"$TRAIN_DIR/out" 2>&1 || true
}

# dump_archive NAME LIST...: the static archive share/agentctl/NAME of the classes in the lists.
dump_archive() {
    local name=$1 share=$PREFIX/share/agentctl
    shift
    # Newer JDKs number the classes in each list ("java/lang/Object id: 0"); numbers from different
    # lists clash, and classes of the built-in loaders need none.
    awk '!/^[@#]/ { sub(/ id: [0-9]+$/, "") } !seen[$0]++' "$@" >"$TRAIN_DIR/$name.classes" 2>/dev/null || return 1
    [ -s "$TRAIN_DIR/$name.classes" ] || return 1
    bounded 300 "$TRAIN_JAVA" -Xshare:dump -XX:SharedClassListFile="$TRAIN_DIR/$name.classes" \
        -XX:SharedArchiveFile="$share/$name.tmp" -cp "$share/agentctl.jar" >"$TRAIN_DIR/$name.log" 2>&1 || return 1
    mv -f "$share/$name.tmp" "$share/$name"
}

make_cds_archive() {
    local share=$PREFIX/share/agentctl dir done_id queued_id id socket=agentctl-install-$$
    step "Creating the class-data-sharing archives (faster start-up)"
    TRAIN_JAVA=$(find_java) || return 1
    dir=$TMP_DIR/cds
    mkdir -p "$dir/project" "$dir/ws"
    TRAIN_DIR=$dir
    # With a commit, the training start takes the path most starts take: a worktree of its own.
    git -C "$dir/project" init -q >/dev/null 2>&1 &&
        git -C "$dir/project" -c user.name=agentctl -c user.email=agentctl@localhost commit -q --allow-empty \
            -m training >/dev/null 2>&1 || true
    # The codex stand-in bench/run.sh uses too: the events of a quick successful turn.
    cp -- "$ROOT/bench/fake-codex" "$dir/codex"
    chmod 0755 "$dir/codex"
    printf 'training prompt\n' >"$dir/prompt.md"
    # A private tmux server, so the training run's pane opens where nobody sees it.
    cat >"$dir/ws/config.json" <<EOF
{"tmux_socket": "$socket", "tmux_session": "training", "codex_bin": "$dir/codex", "pane_linger": "0",
 "tmux_sendkeys_target": ""}
EOF
    # Some commands may not exist in every version; a failing one still loads classes worth having.
    train --version
    train --help
    train init
    train add-project demo "$dir/project"
    train projects
    train projects --json
    # Made-up runs, made by agentctl itself (as bench/run.sh makes its own): a finished one to show
    # and wait for, and one queued a moment ago, which wait blocks on, checks it is alive, and times out.
    train internal make-runs --count 40 --status finished --project demo
    done_id=$(tail -n 1 "$dir/out")
    train internal make-runs --count 1 --status queued --project demo
    queued_id=$(tail -n 1 "$dir/out")
    train list # writes the run index
    train list # reads it
    train list --json --limit 5
    train list --limit=5
    train show "$done_id"
    train wait "$done_id"
    train wait "$queued_id" "$done_id" --timeout 3s
    local isolation
    for isolation in worktree shared; do
        train start --project demo --title training --prompt-file "$dir/prompt.md" --isolation "$isolation"
        id=$(tail -n 1 "$dir/out")
        case $id in
            [0-9]*-*) train wait "$id" --timeout 30s ;;
        esac
    done
    train list # finds the new run directory by its id, appends to the index
    train list --project demo --limit 100 # reads the index to its start
    # The supervisor writes its class list until it exits, and then its pane closes: the server ends
    # with its last session.
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        tmux -L "$socket" has-session >/dev/null 2>&1 || break
        sleep 0.25
    done
    tmux -L "$socket" kill-server >/dev/null 2>&1 || true
    # tmux leaves its socket file behind when the server ends.
    rm -f -- "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
    train tail -n 5 --no-follow
    train reconcile
    train remove-project demo
    dump_archive agentctl.jsa "$dir"/classes.* "$dir"/wait-classes.* || return 1
    # The supervisors' own lists: those of JVMs that loaded the Supervisor class.
    local supervisor_lists
    supervisor_lists=$(grep -l '^dev/agentctl/supervisor/Supervisor\( \|$\)' "$dir"/classes.* 2>/dev/null || true)
    # -Xshare:on makes the JVM fail instead of quietly running without the archive.
    if ! AGENTCTL_JAVA_OPTS=-Xshare:on bounded 60 "$PREFIX/bin/agentctl" --version >/dev/null 2>&1; then
        rm -f -- "$share/agentctl.jsa"
        return 1
    fi
    info "$share/agentctl.jsa"
    if dump_archive agentctl-wait.jsa "$dir"/wait-classes.* &&
        AGENTCTL_JAVA_OPTS=-Xshare:on bounded 60 "$PREFIX/bin/agentctl" --home "$dir/ws" wait "$done_id" >/dev/null 2>&1; then
        info "$share/agentctl-wait.jsa"
    else
        rm -f -- "$share/agentctl-wait.jsa" # wait uses the other one
    fi
    # shellcheck disable=SC2086 # a list of file names without blanks (under our own temporary directory)
    if [ -n "$supervisor_lists" ] && dump_archive agentctl-supervise.jsa $supervisor_lists &&
        AGENTCTL_JAVA_OPTS="-Xshare:on -XX:SharedArchiveFile=$share/agentctl-supervise.jsa" \
            bounded 60 "$PREFIX/bin/agentctl" --version >/dev/null 2>&1; then
        info "$share/agentctl-supervise.jsa"
    else
        rm -f -- "$share/agentctl-supervise.jsa" # supervisors use the one for everything
    fi
}

on_path() {
    case ":$PATH:" in
        *":$1:"*) return 0 ;;
        *) return 1 ;;
    esac
}

do_install() {
    step "Checking prerequisites"
    local tools="java git tmux"
    if [ "$BUILD" -eq 1 ]; then tools="java mvn git tmux"; fi
    require_tools "$tools" "git tmux"
    info "java $(java_major "$(find_java)"), $(git --version), $(tmux -V)"
    build_jar
    local given_bin=$PREFIX/bin
    mkdir -p -- "$PREFIX"
    PREFIX=$(cd -P -- "$PREFIX" && pwd)
    install_files
    install_codex
    install_completion
    if ! make_cds_archive; then
        rm -f -- "$PREFIX/share/agentctl/"*.jsa.tmp
        info "skipped: could not create the archive (agentctl works without it, it only starts slower)"
    fi
    step "Initialising the workspace (agentctl init)"
    local out
    out=$("$PREFIX/bin/agentctl" init) || die "'agentctl init' failed (see above)"
    printf '%s\n' "$out" | sed 's/^/    /'
    local version
    version=$("$PREFIX/bin/agentctl" --version | sed 's/^agentctl //')
    if [ -n "$CODEX_MISSING" ]; then
        step "Installed agentctl $version, but not codex ($CODEX_MISSING): runs cannot start without it (see above)"
    else
        step "Done: agentctl $version"
    fi
    if ! on_path "$PREFIX/bin" && ! on_path "$given_bin"; then
        info "$PREFIX/bin is not on your PATH; add it, e.g. to ~/.profile or ~/.bashrc:"
        info "  export PATH=\"$PREFIX/bin:\$PATH\""
    fi
    info "Next: 'agentctl demo' runs a small orchestration offline (no API key needed);"
    info "      then give codex its credentials ('codex login', or export OPENAI_API_KEY) and run"
    info "      'agentctl doctor', which checks everything a real run needs;"
    info "      'orch' starts Claude Code as an orchestrator that uses agentctl."
}

# ---- codex and shell completion -------------------------------------------------------------------

readonly CODEX_LINK=../share/agentctl/bin/codex # PREFIX/bin/codex points here when install.sh made it
CODEX_MISSING=                                  # why codex is not there, for the closing line

# codex on PATH is used as it is. Otherwise the tested version is installed with npm into
# PREFIX/share/agentctl/codex, where agentctl looks for it (share/agentctl/bin/codex), and linked as
# PREFIX/bin/codex for 'codex login'. Without npm, says exactly what to run.
install_codex() {
    local share=$PREFIX/share/agentctl found version
    step "Checking for codex"
    if found=$(command -v codex 2>/dev/null); then
        version=$(bounded 60 "$found" --version 2>/dev/null || true)
        if [ "$version" = "codex-cli $CODEX_VERSION" ]; then
            info "codex: $found ($version)"
        else
            info "codex: $found (${version:-version unknown}); agentctl is tested with $CODEX_VERSION:"
            info "  npm install -g @openai/codex@$CODEX_VERSION"
        fi
        return 0
    fi
    if codex_is_pinned "$share/bin/codex"; then
        info "codex: $share/bin/codex (codex-cli $CODEX_VERSION, installed with agentctl)"
        link_codex
        return 0
    fi
    if [ "$CODEX" -eq 0 ]; then
        CODEX_MISSING="--no-codex"
        info "codex is not installed; skipped (--no-codex). Install it with:"
        info "  npm install -g @openai/codex@$CODEX_VERSION"
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        CODEX_MISSING="npm is not installed"
        warn "codex is not installed, and npm, which installs it, is not either. Run:"
        printf '    %s\n' "sudo apt-get install -y nodejs npm      # macOS: brew install node" \
            "npm install -g @openai/codex@$CODEX_VERSION" \
            "(or, with npm installed, run ./install.sh again: it puts codex under $PREFIX)" >&2
        return 0
    fi
    step "npm install @openai/codex@$CODEX_VERSION into $share/codex"
    mkdir -p -- "$share/codex"
    # --prefix pins the install here even when a parent directory holds a package.json.
    if ! quietly npm install --prefix "$share/codex" --no-audit --no-fund --save-exact "@openai/codex@$CODEX_VERSION"; then
        CODEX_MISSING="npm install failed"
        warn "npm could not install @openai/codex@$CODEX_VERSION (see above); install it yourself: npm install -g @openai/codex@$CODEX_VERSION"
        return 0
    fi
    install -d "$share/bin"
    ln -sfn ../codex/node_modules/.bin/codex "$share/bin/codex"
    if ! codex_is_pinned "$share/bin/codex"; then
        CODEX_MISSING="the installed codex does not run"
        warn "$share/bin/codex does not report codex-cli $CODEX_VERSION; install it yourself: npm install -g @openai/codex@$CODEX_VERSION"
        return 0
    fi
    info "codex: $share/bin/codex (codex-cli $CODEX_VERSION)"
    link_codex
}

# PREFIX/bin/codex, so 'codex login' works from the shell; never over a file that is not ours.
link_codex() {
    local link=$PREFIX/bin/codex
    if [ -L "$link" ] && [ "$(readlink -- "$link")" = "$CODEX_LINK" ]; then return 0; fi
    if [ -e "$link" ] || [ -L "$link" ]; then
        info "left $link alone: it is not agentctl's"
        return 0
    fi
    ln -s -- "$CODEX_LINK" "$link"
    info "$link -> $CODEX_LINK"
}

# The bash completion script, where bash-completion finds it for ~/.local; zsh loads the same script.
install_completion() {
    local dir=$PREFIX/share/bash-completion/completions file
    file=$dir/agentctl
    step "Installing shell completion"
    if ! ours_or_absent "$file"; then
        info "left $file alone: it is not agentctl's"
        return 0
    fi
    if ! "$PREFIX/bin/agentctl" completion bash >"$TMP_DIR/completion" 2>"$TMP_DIR/completion.err"; then
        warn "could not generate the completion script: $(head -n 1 "$TMP_DIR/completion.err")"
        return 0
    fi
    install -d "$dir"
    { printf '%s\n' "$MARKER"; cat "$TMP_DIR/completion"; } >"$TMP_DIR/completion.marked"
    put 0644 "$TMP_DIR/completion.marked" "$file"
    info "$file"
    if [ "$PREFIX/share" = "${XDG_DATA_HOME:-$HOME/.local/share}" ]; then
        info "bash loads it by itself (with the bash-completion package); otherwise add to ~/.bashrc:"
    else
        info "bash: add to ~/.bashrc:"
    fi
    info "  source '$file'"
    info "zsh: add to ~/.zshrc:  source <(agentctl completion zsh)"
}

# ---- uninstall ------------------------------------------------------------------------------------

do_uninstall() {
    local f removed=0
    step "Removing agentctl from $PREFIX"
    for f in "$PREFIX/bin/agentctl" "$PREFIX/bin/orch"; do
        [ -e "$f" ] || continue
        if ours_or_absent "$f"; then
            rm -f -- "$f"
            info "removed $f"
            removed=1
        else
            warn "left $f alone: it is not agentctl's"
        fi
    done
    if [ -L "$PREFIX/bin/codex" ] && [ "$(readlink -- "$PREFIX/bin/codex")" = "$CODEX_LINK" ]; then
        rm -f -- "$PREFIX/bin/codex"
        info "removed $PREFIX/bin/codex (the codex installed with agentctl goes with share/agentctl)"
    fi
    f=$PREFIX/share/bash-completion/completions/agentctl
    if [ -e "$f" ] && ours_or_absent "$f"; then
        rm -f -- "$f"
        info "removed $f"
        rmdir -- "$PREFIX/share/bash-completion/completions" "$PREFIX/share/bash-completion" 2>/dev/null || true
    fi
    if [ -d "$PREFIX/share/agentctl" ]; then
        rm -rf -- "$PREFIX/share/agentctl"
        info "removed $PREFIX/share/agentctl/"
        removed=1
    fi
    # Directories install.sh may have created; rmdir keeps them when anything else lives there.
    rmdir -- "$PREFIX/share" "$PREFIX/bin" 2>/dev/null || true
    [ "$removed" -eq 1 ] || info "nothing of agentctl's was installed under $PREFIX"
    info "The workspace (${AI_ORCH_HOME:-~/.ai-orch}) is kept; delete it yourself if you want it gone."
}

# ---- test -----------------------------------------------------------------------------------------

codex_is_pinned() {
    [ -x "$1" ] && [ "$(bounded 60 "$1" --version 2>/dev/null)" = "codex-cli ${2:-$CODEX_VERSION}" ]
}

claude_is_pinned() {
    [ -x "$1" ] && [ "$(bounded 60 "$1" --version 2>/dev/null)" = "${2:-$CLAUDE_VERSION} (Claude Code)" ]
}

# npm_into_cache NAME PACKAGE VERSION BIN CHECK: prints the path of BIN from PACKAGE@VERSION in
# ${XDG_CACHE_HOME:-~/.cache}/agentctl/NAME-VERSION, installing it there with npm unless CHECK already
# passes (the packages are large: hundreds of MB, so they are installed once and kept).
npm_into_cache() {
    local name=$1 package=$2 version=$3 bin=$4 check=$5
    local dir=${XDG_CACHE_HOME:-$HOME/.cache}/agentctl/$name-$version
    local found=$dir/node_modules/.bin/$bin
    if ! "$check" "$found" "$version"; then
        require_tools "npm" "npm" >&2
        step "npm install $package@$version into $dir" >&2
        mkdir -p -- "$dir"
        # --prefix pins the install here even when a parent directory holds a package.json.
        quietly npm install --prefix "$dir" --no-audit --no-fund --save-exact "$package@$version" >&2 ||
            die "npm could not install $package@$version"
        "$check" "$found" "$version" || die "$found does not report version $version"
    fi
    info "$name $version: $found" >&2
    printf '%s\n' "$found"
}

# Prints the path of a codex $CODEX_VERSION: $AGENTCTL_TEST_CODEX, codex on PATH, or the one in the cache,
# installed there with npm when needed.
ensure_codex() {
    local found
    if [ -n "${AGENTCTL_TEST_CODEX:-}" ] && codex_is_pinned "$AGENTCTL_TEST_CODEX" "$CODEX_VERSION"; then
        info "codex: $AGENTCTL_TEST_CODEX (from AGENTCTL_TEST_CODEX)" >&2
        printf '%s\n' "$AGENTCTL_TEST_CODEX"
        return 0
    fi
    if found=$(command -v codex) && codex_is_pinned "$found" "$CODEX_VERSION"; then
        info "codex: $found (codex-cli $CODEX_VERSION on PATH)" >&2
        printf '%s\n' "$found"
        return 0
    fi
    npm_into_cache codex @openai/codex "$CODEX_VERSION" codex codex_is_pinned
}

# Prints the path of Claude Code $CLAUDE_VERSION: $AGENTCTL_TEST_CLAUDE, or the one in the cache.
ensure_claude() {
    if [ -n "${AGENTCTL_TEST_CLAUDE:-}" ] && claude_is_pinned "$AGENTCTL_TEST_CLAUDE"; then
        info "claude: $AGENTCTL_TEST_CLAUDE (from AGENTCTL_TEST_CLAUDE)" >&2
        printf '%s\n' "$AGENTCTL_TEST_CLAUDE"
        return 0
    fi
    npm_into_cache claude @anthropic-ai/claude-code "$CLAUDE_VERSION" claude claude_is_pinned
}

# Prints the directory holding node_modules/@modelcontextprotocol/sdk $MCP_SDK_VERSION: $AGENTCTL_TEST_MCP_SDK,
# or the cache next to codex's, installed there with npm when needed.
ensure_mcp_sdk() {
    local dir=${AGENTCTL_TEST_MCP_SDK:-${XDG_CACHE_HOME:-$HOME/.cache}/agentctl/mcp-sdk-$MCP_SDK_VERSION}
    local pkg=$dir/node_modules/@modelcontextprotocol/sdk/package.json
    if ! grep -q "\"version\": \"$MCP_SDK_VERSION\"" "$pkg" 2>/dev/null; then
        require_tools "npm" "npm" >&2
        step "npm install @modelcontextprotocol/sdk@$MCP_SDK_VERSION into $dir" >&2
        mkdir -p -- "$dir"
        quietly npm install --prefix "$dir" --no-audit --no-fund --save-exact \
            "@modelcontextprotocol/sdk@$MCP_SDK_VERSION" >&2 || die "npm could not install @modelcontextprotocol/sdk@$MCP_SDK_VERSION"
    fi
    info "MCP SDK: $dir" >&2
    printf '%s\n' "$dir"
}

do_test() {
    step "Checking what the tests need"
    require_tools "java mvn git tmux" "java mvn git tmux"
    info "java $(java_major "$(find_java)"), $(git --version), $(tmux -V)"
    local codex previous claude
    codex=$(ensure_codex)
    previous=$(npm_into_cache codex @openai/codex "$CODEX_PREVIOUS_VERSION" codex codex_is_pinned)
    claude=$(ensure_claude)
    export AGENTCTL_TEST_CODEX=$codex AGENTCTL_TEST_CODEX_PREVIOUS=$previous AGENTCTL_TEST_CLAUDE=$claude
    AGENTCTL_TEST_MCP_SDK=$(ensure_mcp_sdk)
    export AGENTCTL_TEST_MCP_SDK
    step "Running the tests: mvn -B verify (AGENTCTL_TEST_CODEX=$codex, AGENTCTL_TEST_CODEX_PREVIOUS=$previous, AGENTCTL_TEST_CLAUDE=$claude, AGENTCTL_TEST_MCP_SDK=$AGENTCTL_TEST_MCP_SDK)"
    cd "$ROOT"
    local rc=0
    maven verify || rc=$?
    check_leftovers || { [ "$rc" -ne 0 ] || rc=1; }
    return "$rc"
}

# What the tests start must not outlive them: tmux servers on the test's sockets (agentctl-it-*,
# agentctl-test-*, agentctl-demo-*, agentctl-sandbox-*, agentctl-install-*) and their socket files, and any process
# (supervisor, codex, model server) whose command line names the test's work directories.
check_leftovers() {
    local found='' dir sock pid args
    for dir in "/tmp/tmux-$(id -u)" "${TMUX_TMPDIR:-/nonexistent}/tmux-$(id -u)"; do
        for sock in "$dir"/agentctl-it-* "$dir"/agentctl-test-* "$dir"/agentctl-demo-* "$dir"/agentctl-sandbox-* "$dir"/agentctl-install-*; do
            [ -e "$sock" ] || continue
            found="$found\n  socket file $sock"
            if tmux -S "$sock" list-sessions >/dev/null 2>&1; then found="$found (server still running)"; fi
        done
    done
    for pid in $(ps -e -o pid=); do
        [ "$pid" -ne $$ ] || continue
        args=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) || continue
        case $args in
            *"$ROOT/target/it-work"* | *agentctl-it-* | *agentctl-test-* | *agentctl-demo-* | *agentctl-sandbox-*)
                found="$found\n  process $pid: ${args:0:160}" ;;
        esac
    done
    if [ -n "$found" ]; then
        printf 'install.sh: error: the tests left these behind:%b\n' "$found" >&2
        return 1
    fi
    info "nothing left behind: no test tmux server, socket file, supervisor, codex or model server"
}

parse_args "$@"
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/agentctl-install.XXXXXX")
trap cleanup EXIT
case $MODE in
    install) do_install ;;
    uninstall) do_uninstall ;;
    test) do_test ;;
esac
