#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment (no editable install, no source
# tree on the path) and run every command from it: new, build, check, serve (one request),
# digest and import. Also checks that the wheel holds every file git tracks in the package.
# Run by .ci/run; needs the package registries for the wheel's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

python -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" . >/dev/null
wheel=$(ls "$work"/dist/masthead-*.whl)
python - "$wheel" <<'PY'
import subprocess, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
tracked = subprocess.run(["git", "ls-files", "src/masthead"], capture_output=True, text=True, check=True).stdout.split()
missing = [path for path in tracked if path.removeprefix("src/") not in names]
if missing:
    sys.exit("the wheel lacks tracked package files:\n  " + "\n  ".join(missing))
print(f"wheel: {len(tracked)} tracked package files, all present")
PY

python -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$wheel"
export PATH="$work/venv/bin:$PATH"
cd "$work"  # nothing of the source tree on the path
python -c "import masthead, sys; sys.exit(0 if masthead.__file__.startswith('$work/venv') else 'masthead imported from ' + masthead.__file__)"

masthead --version
masthead new site >/dev/null
masthead build site --now 2025-06-05T12:00:00Z -q
test -f site/public/index.html
masthead check site --now 2025-06-05T12:00:00Z
masthead digest site --since 2025-01-01 --until 2025-06-05 --now 2025-06-05T12:00:00Z >/dev/null
ls site/digests/*.html site/digests/*.txt site/digests/*.eml >/dev/null
masthead import "$repo/tests/fixtures/newsletter/mailchimp.eml" --site site --keep-tracking --dry-run >/dev/null

port=$(python -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
masthead serve site --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do  # poll until the server answers (at most 60 s)
  if curl -fsS "http://127.0.0.1:$port/" -o "$work/home.html" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.1
done
grep -q "<html" "$work/home.html"
echo "wheel: new, build, check, digest, import and serve work from the installed wheel"
