#!/bin/sh
# Account planning on the bundled central-Mexico data: plan -> align -> callplan.
# Run from anywhere: sh examples/account-planning/run.sh   (outputs in out/account-planning/)
set -e
cd "$(dirname "$0")/../.."
[ -f dist/cli.js ] || npm run build
out=out/account-planning

# 1. Score by potential, cut pareto tiers (A = the accounts holding 80 % of it), and turn each
#    tier's visits into workload hours per period.
node dist/cli.js plan --accounts examples/mexico/accounts.csv \
  --config examples/account-planning/plan.json --out $out/plan

# 2. Balance that workload across the 16 reps.
node dist/cli.js align --accounts $out/plan/accounts.csv --reps examples/mexico/reps.csv \
  --options examples/mexico/options.json --out $out/align

# 3. Spend each rep's hours where the S-shaped responses say visits pay most.
node dist/cli.js callplan --accounts $out/plan/accounts.csv --reps examples/mexico/reps.csv \
  --assignments $out/align/assignments.csv --config examples/account-planning/callplan.json \
  --out $out/callplan
