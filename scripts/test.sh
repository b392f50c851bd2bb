#!/usr/bin/env bash
# Set up a virtual environment per Python with the package and its test tools, then run the
# whole suite: lint and types once, the tests on Python 3.11 (the oldest the package supports)
# and again on the newest CPython this machine carries (set PYTHON_OLDEST or PYTHON_NEWEST to
# an interpreter's path to choose others). Fails loudly when either Python is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

versions="${PYENV_ROOT:-$HOME/.pyenv}/versions"
minor() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
die() { echo "scripts/test.sh: error: $*" >&2; exit 1; }

# pyenv keeps interpreters under versions/X.Y.Z; its shims need a version selected, so each is
# called by its full path. Only plain CPython releases count (not 3.13.0t, not -dev builds).
installed() { ls -d "$versions"/3.*/ 2>/dev/null | grep -E '/3\.[0-9]+\.[0-9]+/$' | sort -V || true; }

oldest="${PYTHON_OLDEST:-python3}"
if [[ "$(minor "$oldest" 2>/dev/null || true)" != 3.11 ]]; then
  found=$(installed | grep -E '/3\.11\.[0-9]+/$' | tail -n 1)
  oldest="${found:+${found}bin/python3}"
fi
[[ -n "$oldest" && "$(minor "$oldest")" == 3.11 ]] ||
  die "Python 3.11 (the oldest supported) not found: python3 is not 3.11 and $versions has none"

newest="${PYTHON_NEWEST:-}"
if [[ -z "$newest" ]]; then
  found=$(installed | tail -n 1)
  newest="${found:+${found}bin/python3}"
fi
[[ -n "$newest" ]] && "$newest" -c pass 2>/dev/null ||
  die "no newer Python found under $versions; the suite must also run on the newest Python"
new_minor=$(minor "$newest")
[[ "$(printf '%s\n' 3.11 "$new_minor" | sort -V | tail -n 1)" != 3.11 ]] ||
  die "the newest Python found ($newest) is $new_minor; the suite needs one newer than 3.11"

setup() {
  "$1" -m venv "$2"
  "$2/bin/pip" install -q --disable-pip-version-check -e '.[test,browser,dev,bench,pdf]'
}
setup "$oldest" .venv
setup "$newest" ".venv-$new_minor"

.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/mypy
for venv in .venv ".venv-$new_minor"; do
  echo "== pytest on $("$venv/bin/python" -VV | head -n 1)"
  "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
done
