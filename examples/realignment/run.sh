#!/bin/sh
# Realignment on the bundled central-Mexico data: today's territories (current_rep), what a
# budget on disruption costs in travel, a hire and other what-ifs, and what moves.
# Run from anywhere: sh examples/realignment/run.sh   (outputs in out/realignment/)
set -e
cd "$(dirname "$0")/../.."
[ -f dist/cli.js ] || npm run build
out=out/realignment

# 1. Today's territories, audited against the ±10 % band: which rules they break.
node dist/cli.js evaluate --accounts examples/mexico/accounts.csv --reps examples/mexico/reps.csv \
  --options examples/realignment/options.json --out $out/today || true

# 2. The price of disruption: one plan per budget (accounts moved, or a share of the workload),
#    each warm-started from the last; tradeoff.csv and tradeoff.svg show travel against moves.
node dist/cli.js tradeoff --accounts examples/mexico/accounts.csv --reps examples/mexico/reps.csv \
  --options examples/realignment/options.json --budgets 250,500,10%,20%,40% --out $out/tradeoff

# 3. What-ifs from today's owners with at most 15 % of the workload moving: a rep leaves, a hire
#    in Querétaro, a part-time rep, a split territory, two frozen territories.
node dist/cli.js scenarios --accounts examples/mexico/accounts.csv --reps examples/mexico/reps.csv \
  --options examples/realignment/options.json --scenarios examples/realignment/scenarios.json \
  --out $out/scenarios

# 4. What the hire changes, account by account (moved.csv, diff.md, diff.svg, report.html).
node dist/cli.js diff --accounts examples/mexico/accounts.csv --reps $out/scenarios/hire-queretaro/reps.csv \
  --options examples/realignment/options.json --before $out/scenarios/base/assignments.csv --after $out/scenarios/hire-queretaro/assignments.csv \
  --out $out/diff
