#!/usr/bin/env bash
# Run every benchmark in turn; figures go to stdout. Stores and indexes are
# built under $NEWSREADER_BENCH_ROOT (default /tmp/newsreader-bench) on first use.
# Usage: benchmarks/run_all.sh [--quick]
# BASELINE_PYTHON=/tmp/venv-baseline/bin/python also indexes with that install, alternately.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-$(command -v python)}
root=${NEWSREADER_BENCH_ROOT:-/tmp/newsreader-bench}
reps=5; sizes=1000,10000,20000,100000; search_size=100000; presses=30; index_rounds=1
if [ "${1:-}" = "--quick" ]; then reps=2; sizes=1000,10000; search_size=1000; presses=10; fi

echo "# stores"; "$python" benchmarks/make_store.py --root "$root" --sizes "$sizes"
echo; echo "# analysis speed"
if [ -f ../shared/eval/evaltool.py ]; then
  "$python" ../shared/eval/evaltool.py speed --corpus ../shared/corpus/wikinews \
    --cmd "$(dirname "$python")/newsreader analyze --raw --jsonl"
else
  echo "shared/eval absent: skipped"
fi
echo; echo "# worst-case analysis"; "$python" benchmarks/worst_case_analysis.py --reps "$reps"
echo; echo "# cold indexing"
against=()
[ -n "${BASELINE_PYTHON:-}" ] && against=(--against "$BASELINE_PYTHON")
"$python" benchmarks/indexing.py --root "$root" --sizes "${sizes##*,}" --rounds "$index_rounds" "${against[@]}"
echo; echo "# search"; "$python" benchmarks/search.py --root "$root" --size "$search_size" --reps "$reps"
echo; echo "# first paint"
warm=""; [ "$search_size" = 100000 ] && warm=20000,100000
"$python" benchmarks/first_paint.py --root "$root" --sizes "${sizes%,100000}" --warm "$warm" --reps "$reps"
echo; echo "# navigation"; "$python" benchmarks/navigation.py --presses "$presses"
