#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle (build.spec) and run it the way IT and users do:
# the frozen app must do what the source does. Needs .venv (made by .ci/run), binutils
# (PyInstaller calls objdump/objcopy) and the Qt offscreen libraries (libgl1 libegl1 ...).
# Prints the build time, the bundle size and start times, frozen against source.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
BUNDLE=dist/sigdesk
EXE=$BUNDLE/sigdesk
# target ~220 MB (STACK.md) before the charts; 205 MB measured with PyInstaller 6.22, then
# matplotlib with numpy (its OpenBLAS alone is 28 MB) and Pillow for the statistics charts
# added ~75 MB after trimming (build.spec): 280 MB measured.
MAX_MB=290

fail() {
  echo "frozen_smoke: FAIL: $*" >&2
  exit 1
}
[ -x "$PY" ] || fail "no $PY (run the install step of .ci/run first)"
command -v objdump >/dev/null || fail "objdump missing: apt-get install binutils"

"$PY" -m pip install -q "pyinstaller>=6.10,<7"

# --- build ---------------------------------------------------------------------------------
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s%N)
if ! "$PY" -m PyInstaller --noconfirm --log-level WARN build.spec >"$WORK/build.log" 2>&1; then
  tail -40 "$WORK/build.log" >&2
  fail "pyinstaller build.spec"
fi
build_ds=$((($(date +%s%N) - start) / 100000000))
size_mb=$(du -sm "$BUNDLE" | cut -f1)
echo "frozen_smoke: build $((build_ds / 10)).$((build_ds % 10)) s," \
  "bundle $size_mb MB ($(find "$BUNDLE" -type f | wc -l) files)"
[ -x "$EXE" ] || fail "$EXE not built"
[ "$size_mb" -le "$MAX_MB" ] || fail "bundle is $size_mb MB, more than $MAX_MB MB"

# --- what must be inside -------------------------------------------------------------------
INTERNAL=$BUNDLE/_internal
count() { find "$@" -type f 2>/dev/null | wc -l; }
same_count() { # what, bundle folder, source folder, name pattern
  local inside source
  inside=$(count "$2" -maxdepth 1 -name "$4")
  source=$(count "$3" -maxdepth 1 -name "$4")
  [ "$inside" = "$source" ] || fail "$1: $inside in the bundle, $source in the tree"
}
same_count templates "$INTERNAL/sigdesk/templates" sigdesk/templates '*.docx'
same_count migrations "$INTERNAL/sigdesk/models/migrations/versions" \
  sigdesk/models/migrations/versions '*.py'
same_count translations "$INTERNAL/translations" sigdesk/ui/translations '*.qm'
same_count icons "$INTERNAL/resources/icons" resources/icons '*.png'
for f in sigdesk/models/migrations/env.py sigdesk/models/migrations/script.py.mako; do
  [ -f "$INTERNAL/$f" ] || fail "$f missing"
done
[ "$(count "$INTERNAL/holidays" -name SE.mo)" -ge 1 ] || fail "holidays' SE.mo missing"
ls "$INTERNAL"/keyring-*.dist-info/entry_points.txt >/dev/null 2>&1 ||
  fail "keyring metadata missing (no backend would be found)"
modules=$(.venv/bin/pyi-archive_viewer --list --recursive --brief "$EXE")
for m in keyring.backends.SecretService keyring.backends.Windows keyring.backends.macOS \
  keyring.backends.libsecret keyring.backends.kwallet keyring.backends.chainer \
  keyring.backends.fail keyring.backends.null alembic.op holidays.countries.sweden \
  sigdesk.ui.startup sigdesk.logs; do
  grep -qx " *$m" <<<"$modules" || fail "module $m not in the bundle"
done
dropped=$(find "$INTERNAL" \( -iname '*Qt6Quick*' -o -iname '*Qt6Qml*' -o -iname '*Wayland*' \
  -o -iname '*Qt6Pdf*' -o -iname '*VirtualKeyboard*' -o -iname '*gtk*' \) | head -3)
[ -z "$dropped" ] || fail "unused Qt parts in the bundle: $dropped"

# --- the command line, frozen ----------------------------------------------------------------
export HOME=$WORK/home XDG_STATE_HOME=$WORK/state XDG_CONFIG_HOME=$WORK/config \
  XDG_DATA_HOME=$WORK/data XDG_CACHE_HOME=$WORK/cache TMPDIR=$WORK/tmp
mkdir -p "$HOME" "$TMPDIR"
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
export SIGDESK_PASSPHRASE="frozen smoke lösenfras"
CASELOAD=$WORK/demo.sigdesk

run() { # expected exit code, then the command line; stderr must hold no traceback
  local want=$1 code=0
  shift
  "$EXE" "$@" >"$WORK/out" 2>"$WORK/err" || code=$?
  if [ "$code" != "$want" ] || grep -q Traceback "$WORK/err"; then
    cat "$WORK/out" "$WORK/err" >&2
    fail "sigdesk $* exited $code (wanted $want)"
  fi
}
version=$("$PY" -c 'import sigdesk; print(sigdesk.__version__)')
run 0 --version
[ "$(cat "$WORK/out")" = "sigdesk $version" ] || fail "--version says $(cat "$WORK/out")"
run 0 demo-data "$CASELOAD" --youths 25 --seed 1
run 0 check "$CASELOAD"
grep -q "25 ungdomar" "$WORK/out" || fail "check: $(cat "$WORK/out")"
run 0 deadlines "$CASELOAD" --json
"$PY" - "$WORK/out" <<'EOF' || fail "deadlines --json is not what SPEC §8 says"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
keys = {"youth_id", "name", "status", "deadline", "days_left", "next_meeting", "last_held"}
assert rows and all(set(r) == keys for r in rows), rows[:1]
assert {r["status"] for r in rows} <= {"ok", "i_tid", "planerat_for_sent", "snart", "forsenat"}
EOF
cp "$WORK/out" "$WORK/deadlines.json"
# As on Windows: no system time zone files, so the bundled tzdata must serve Europe/Stockholm.
mkdir -p "$WORK/no-zoneinfo"
PYTHONTZPATH=$WORK/no-zoneinfo run 0 calendar "$CASELOAD" --out "$WORK/plan.ics"
grep -q "BEGIN:VTIMEZONE" "$WORK/plan.ics" || fail "calendar wrote no time zone"
run 0 export plan "$CASELOAD" --youth 1 --out "$WORK/plan.docx"
"$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).getinfo("word/document.xml")' \
  "$WORK/plan.docx" || fail "export plan wrote no Word file"
run 0 export report "$CASELOAD" --from 2026-01-01 --to 2026-12-31 --out "$WORK/rapport.docx"
"$PY" - "$WORK/rapport.docx" <<'EOF' || fail "export report wrote no report with its charts"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
assert "word/document.xml" in names and sum(n.startswith("word/media/") for n in names) >= 2
EOF
SIGDESK_PASSPHRASE="fel lösenfras 123" run 2 check "$CASELOAD"
[ "$(grep -c . "$WORK/err")" = 1 ] || fail "a wrong passphrase must give one line on stderr"
echo "frozen_smoke: --version, demo-data, check, deadlines --json, calendar (bundled tzdata)," \
  "export plan, export report (matplotlib), wrong passphrase: OK"

# --- the window, offscreen -----------------------------------------------------------------
gui_runs() {  # gui_runs NAME ARGS...: the frozen window stays up 5 s with no traceback
  local name=$1
  shift
  QT_QPA_PLATFORM=offscreen "$EXE" "$@" >"$WORK/gui-$name.log" 2>&1 &
  local gui=$! alive=yes
  sleep 5
  kill -0 "$gui" 2>/dev/null || alive=no
  kill "$gui" 2>/dev/null || true
  wait "$gui" 2>/dev/null || true
  if [ "$alive" = no ] || grep -q Traceback "$WORK/gui-$name.log"; then
    cat "$WORK/gui-$name.log" >&2
    fail "sigdesk $* (offscreen) stopped or printed a traceback within 5 s"
  fi
}
gui_runs demo --demo
ls "$TMPDIR"/sigdesk-demo-*/demo.sigdesk >/dev/null 2>&1 ||
  fail "sigdesk --demo wrote no demo caseload within 5 s"
# An existing caseload: unlocked (or the passphrase asked for) while Qt loads.
gui_runs open --caseload "$CASELOAD"
echo "frozen_smoke: sigdesk --demo and sigdesk --caseload ran 5 s offscreen, no traceback"

# --- the log: written, owner-only, and none of the demo's names in it ------------------------
"$PY" - "$WORK/deadlines.json" "$XDG_STATE_HOME" <<'EOF' || fail "the log holds case data"
import json, sys
from pathlib import Path
names = {r["name"] for r in json.load(open(sys.argv[1], encoding="utf-8"))}
files = [p for p in Path(sys.argv[2]).rglob("*") if p.is_file()]
print(f"frozen_smoke: {len(files)} log file(s), checked for the {len(names)} demo names")
for path in files:
    assert path.stat().st_mode & 0o077 == 0, f"{path.name} is readable by others"
    text = path.read_bytes().decode("utf-8", "replace")
    leaked = [n for n in names if n in text] + (["passphrase"] if "smoke lösenfras" in text else [])
    assert not leaked, f"{path.name}: {len(leaked)} demo names or the passphrase"
EOF

# --- start times, frozen against source (medians of 5) -------------------------------------
"$PY" - "$EXE" "$CASELOAD" <<'EOF'
import statistics, subprocess, sys, time
exe, caseload = sys.argv[1], sys.argv[2]
def median(cmd):
    times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)
source = [sys.executable, "-m", "sigdesk"]
for args in (["--version"], ["deadlines", caseload, "--json"]):
    print(
        f"frozen_smoke: {' '.join(args[:1] + args[2:])}: frozen {median([exe, *args]):.2f} s,"
        f" source {median([*source, *args]):.2f} s"
    )
EOF
echo "frozen_smoke: OK"
