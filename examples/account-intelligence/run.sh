#!/bin/sh
# Account intelligence on the bundled central-Mexico data: potential -> plan -> align -> route
# (and crosssell). Run from anywhere: sh examples/account-intelligence/run.sh
# Outputs in out/account-intelligence/.
set -e
cd "$(dirname "$0")/../.."
[ -f dist/cli.js ] || npm run build
here=examples/account-intelligence
out=out/account-intelligence

# 1. Estimate every account's potential (its wallet: the 80th percentile of what similar customers
#    buy) from last quarter's revenue of the customers; prospects have none.
node dist/cli.js potential --accounts $here/accounts.csv --target revenue --out $out/potential

# 2. Tier the accounts by the estimate and turn tiers into visits and workload hours.
node dist/cli.js plan --accounts $out/potential/accounts.csv --config $here/plan.json --out $out/plan

# 3. Balance that workload over the 16 reps.
node dist/cli.js align --accounts $out/plan/accounts.csv --reps examples/mexico/reps.csv \
  --options examples/mexico/options.json --out $out/align

# 4. Route the 290 accounts that arrived since, one at a time, keeping every rep in its band.
node dist/cli.js route --accounts $out/plan/accounts.csv --reps examples/mexico/reps.csv \
  --assignments $out/align/assignments.csv --new $here/new-accounts.csv \
  --options examples/mexico/options.json --policy balanced --out $out/route

# 5. Next product lines for every customer and prospect.
node dist/cli.js crosssell --purchases $here/purchases.csv --accounts $here/accounts.csv --top 3 \
  --out $out/crosssell
