#!/usr/bin/env bash
# Préau's one test command (the README's, and what .ci/run calls): installs what the tests need,
# builds, checks formatting, runs every test project, and ends with the line
# "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

status=0
step() { printf '\n== %s\n' "$*"; }

step "system packages"
# mbsync (Debian's isync) is the real sync client of the IMAP interop test; Debian's Chromium is the
# browser the webmail's browser tests drive (Playwright uses it as it is: no browser is downloaded).
missing=()
command -v mbsync >/dev/null 2>&1 || missing+=(isync)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") \
      || echo "warning: could not install ${missing[*]}; the tests that need them will fail"
  else
    echo "warning: ${missing[*]} missing and this is not root: install the Debian packages ${missing[*]}"
  fi
fi

step "restore"
dotnet restore Preau.slnx || { echo "restore failed"; echo "0 passed, 1 failed"; exit 1; }

step "build (warnings are errors)"
dotnet build Preau.slnx -c Release --no-restore || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

step "format check"
format_failed=0
if ! dotnet format Preau.slnx --verify-no-changes --no-restore; then
  echo "dotnet format found files to fix: run 'dotnet format Preau.slnx'"
  format_failed=1
  status=1
fi

step "tests"
results=$(mktemp -d)
if ! dotnet test Preau.slnx -c Release --no-build --logger "trx" --results-directory "$results"; then
  status=1
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed) + $(get inconclusive)))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test results were produced"
  failed=1
  status=1
fi
failed=$((failed + format_failed))
[ "$failed" -gt 0 ] && status=1
rm -rf "$results"

echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
