#!/usr/bin/env bash
# On-demand mutation testing with mutmut (not part of scripts/test.sh).
#
#   scripts/mutation.sh                 # all five modules: mcda eligibility scoring weights criteria
#   scripts/mutation.sh mcda weights    # only these
#
# Each module runs in its own scratch copy of src/, tests/, data/, docs/ and pyproject.toml under
# .mutation/<module>/ (git-ignored), with a [tool.mutmut] table appended to the copy's
# pyproject.toml. The repository itself is never changed. Afterwards, to look at a survivor:
#
#   cd .mutation/mcda && ../../.venv/bin/mutmut results && ../../.venv/bin/mutmut show <name>
#
# The verdict on every survivor in mcda, weights and scoring is in docs/mutation-survivors.md.
#
# Hypothesis runs derandomized and without its example database in the copy, so a rerun of the
# same code gives the same figures and no mutant is killed by an example saved from another.
# MUTATION_JOBS sets the number of parallel workers (default: all CPUs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

all_modules=(mcda eligibility scoring weights criteria)

# The tests run against each module: its own tests plus the in-process tests that go through it.
# Left out everywhere: the CLI, report, wheel, docs, browser and fuzz suites (slow or
# out-of-process, and they reach these modules only through compare()); the memory and
# eight-thread hardening tests, which cannot tell a mutant from the original.
slow_hardening=(
    --deselect=tests/test_hardening.py::test_memory_stays_flat_over_ten_thousand_comparisons
    --deselect=tests/test_hardening.py::test_compare_from_eight_threads_matches_serial
)
# A module's tests/test_<module>_mutants.py (tests written against its survivors) runs too.
tests_for() {
    local own=""
    if [ -f "tests/test_$1_mutants.py" ]; then own="tests/test_$1_mutants.py"; fi
    case $1 in
    mcda) echo tests/test_mcda.py tests/test_mcda_properties.py $own tests/test_compare.py tests/test_smaa.py ;;
    eligibility) echo $own tests/test_compare.py tests/test_clinic.py tests/test_hardening.py ;;
    scoring) echo $own tests/test_compare.py tests/test_sensitivity.py tests/test_smaa.py tests/test_clinic.py tests/test_hardening.py ;;
    weights) echo $own tests/test_compare.py tests/test_profile.py tests/test_sensitivity.py tests/test_smaa.py ;;
    criteria) echo $own tests/test_compare.py tests/test_interview.py tests/test_sensitivity.py tests/test_smaa.py ;;
    *) return 1 ;;
    esac
}

modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=("${all_modules[@]}")
for m in "${modules[@]}"; do
    tests_for "$m" >/dev/null || { echo "unknown module: $m (choose from ${all_modules[*]})" >&2; exit 2; }
done

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test,mutation]'
mutmut=$root/.venv/bin/mutmut
jobs=${MUTATION_JOBS:-$(nproc)}

toml_list() { # toml_list a b c -> ["a", "b", "c"]
    local out="" x
    for x in "$@"; do out+="${out:+, }\"$x\""; done
    printf '[%s]' "$out"
}

summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
start_all=$(date +%s)
for m in "${modules[@]}"; do
    work=$root/.mutation/$m
    rm -rf "$work"
    mkdir -p "$work"
    tar -C "$root" --exclude=__pycache__ --exclude=tests/actual -cf - src tests data docs pyproject.toml |
        tar -C "$work" -xf -
    cat >>"$work/pyproject.toml" <<EOF

# Appended by scripts/mutation.sh in this scratch copy only.
[tool.mutmut]
source_paths = ["src"]
only_mutate = ["src/antiage_compare/$m.py"]
also_copy = ["data", "docs"]
pytest_add_cli_args_test_selection = $(toml_list $(tests_for "$m") "${slow_hardening[@]}")
pytest_add_cli_args = ["-p", "no:cacheprovider"]
use_git_change_detection = false
EOF
    cat >>"$work/tests/conftest.py" <<'EOF'

# Appended by scripts/mutation.sh in this scratch copy only: reproducible examples, no database.
settings.register_profile(
    "mutation", settings.get_profile("dev"), derandomize=True, database=None
)
settings.load_profile("mutation")
EOF
    echo "== $m: mutmut over src/antiage_compare/$m.py with $(tests_for "$m")"
    t0=$(date +%s)
    if ! (cd "$work" && "$mutmut" run --max-children "$jobs" >run.log 2>&1); then
        tail -n 40 "$work/run.log" | tr '\r' '\n' | tail -n 40 >&2
        echo "mutmut failed for $m; full log: $work/run.log" >&2
        exit 1
    fi
    (cd "$work" && "$mutmut" export-cicd-stats >/dev/null)
    secs=$(($(date +%s) - t0))
    # One table row; "other" counts segfaults, interrupted and skipped mutants.
    .venv/bin/python - "$m" "$secs" "$work/mutants/mutmut-cicd-stats.json" >>"$summary" <<'EOF'
"""Print one module's mutmut figures as a row of the summary table."""

import json
import sys
from pathlib import Path

module, secs, path = sys.argv[1:]
s = json.loads(Path(path).read_text(encoding="utf-8"))
other = s["segfault"] + s["check_was_interrupted_by_user"] + s["skipped"]
print(
    f"| {module} | {s['total']} | {s['killed']} | {s['survived']} | {s['timeout']} "
    f"| {s['suspicious']} | {s['no_tests']} | {other} | {int(secs) // 60}m{int(secs) % 60:02d}s |"
)
EOF
    tail -n 1 "$summary"
done
total=$(($(date +%s) - start_all))

echo
echo "mutmut $("$mutmut" --version | awk '{print $NF}'), $jobs workers, $(date -u +%F)"
echo "| module | generated | killed | survived | timeout | suspicious | no tests | other | wall |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
cat "$summary"
echo "total wall time: $((total / 60))m$(printf %02d $((total % 60)))s"
