/** Help texts, one per command; printed by `--help`. */

export const generalHelp = `terralign — sales territory optimisation

Usage:
  terralign align     --accounts FILE --reps FILE --out DIR [options]
  terralign evaluate  --accounts FILE --reps FILE [--assignments FILE] [options]
  terralign gap       FILE [options]   (OR-Library GAP instances; see 'terralign gap --help')
  terralign plan      --accounts FILE --config FILE.json --out DIR
  terralign callplan  --accounts FILE --reps FILE [--assignments FILE] --config FILE.json --out DIR
  terralign tradeoff  --accounts FILE --reps FILE (--budgets LIST | --bands LIST) --out DIR [options]
  terralign diff      --accounts FILE --reps FILE --before FILE --after FILE --out DIR
  terralign scenarios --accounts FILE --reps FILE --scenarios FILE.json --out DIR [options]
  terralign place     --accounts FILE --reps FILE --count N --out DIR [options]
  terralign size      --accounts FILE --capacity HOURS [options]
  terralign cpmp      FILE [options]   (capacitated p-median instances; see 'terralign cpmp --help')
  terralign potential --accounts FILE --target COLUMN --out DIR [options]
  terralign crosssell --purchases FILE [--accounts FILE] --out DIR [options]
  terralign route     --accounts FILE --reps FILE --assignments FILE --new FILE --out DIR [options]
  terralign --help | --version
  terralign COMMAND --help

Commands:
  align      build territories: every account to one rep, workloads balanced, travel minimised
  evaluate   audit an existing assignment (e.g. today's, from your CRM): metrics and broken rules
  gap        solve generalised assignment problem instances
  plan       score and tier accounts, turn tiers into visits and workload (hours) for align
  callplan   plan each rep's visits to maximise expected sales within its hours
  tradeoff   realign under a series of disruption budgets (or bands): travel against moves
  diff       compare two assignments: moved accounts, per-rep gains and losses, a map
  scenarios  what-if realignments (a rep leaves, a hire, part-time, splits, merges) compared
  place      choose where to base reps (capacitated p-median), then build their territories
  size       find the smallest team that covers the accounts, and where to base it
  cpmp       solve capacitated p-median benchmark instances (OR-Library pmedcap, Lorena–Senne)
  potential  estimate each account's potential (its wallet) from what customers spend
  crosssell  recommend each account's next products from purchases and attributes
  route      route new accounts to their owners against an existing plan

Input files are CSV (RFC 4180; comma, semicolon or tab delimited, detected from the header;
UTF-8, or UTF-16 with a byte-order mark; --encoding latin1 for Latin-1/Windows-1252 exports;
--decimal-comma for numbers written 1,5), JSON or GeoJSON (a FeatureCollection of Points). Accounts: id, lng, lat, workload[, potential, current_rep, locked_rep, segment,
region, unit, tier, visits, move_cost]; reps: id, lng, lat, capacity[, segments, region,
max_travel_minutes]. Any other column is carried through to the outputs.

Exit codes:
  0   solved (status optimal or feasible: every rule holds, every account assigned)
  1   infeasible (proven), unsolved (no plan found, none proven impossible) or timed out:
      outputs are still written and the diagnostics printed
  2   bad input or usage: one message on stderr naming the file, line and column
  70  internal error (a bug): a short message; set TERRALIGN_DEBUG=1 for the stack trace

Example:
  terralign align --accounts examples/mexico/accounts.csv --reps examples/mexico/reps.csv \\
    --options examples/mexico/options.json --out out
`;

export const alignHelp = `terralign align — build territories and write the plan, a map and reports

Usage:
  terralign align --accounts FILE --reps FILE --out DIR [--options FILE.json]
                  [--strategy S] [--time-limit SECONDS] [--seed N]
                  [--units FILE [--units-object NAME]] [--basemap FILE.geojson]
                  [--encoding utf8|latin1] [--decimal-comma]

Options:
  --accounts FILE        accounts (CSV, JSON or GeoJSON)
  --reps FILE            reps (CSV, JSON or GeoJSON)
  --out DIR              output directory (created when missing; files in it are overwritten)
  --options FILE.json    align options as JSON, e.g. {"balance": {"workload": 0.1}, "travel": {"speedKmh": 60}}
  --strategy S           auto | heuristic | transport | gap | mip (default: auto)
  --time-limit SECONDS   stop searching after this many seconds and keep the best plan (default: 60)
  --seed N               integer seed; the same seed gives the same plan (default: 1)
  --units FILE           geographic units (GeoJSON FeatureCollection or TopoJSON of polygons with
                         ids); territories are then made of whole units (see "contiguity" options)
  --units-object NAME    the TopoJSON object that holds the units, when the topology has several
  --basemap FILE         outlines drawn beneath the maps (GeoJSON, e.g. country or state borders)
  --encoding E           utf8 (default) or latin1 (Windows-1252, as older Excel and CRM exports);
                         a file starting with a UTF-16 byte-order mark is read as UTF-16 either way
  --decimal-comma        numbers in the CSV files are written with a decimal comma (1,5); the
                         delimiter (comma, semicolon or tab) is detected from the header line
  -h, --help             this help

Flags override the same fields of the options file.

Writes into DIR:
  assignments.csv        account_id,rep_id, then the account's fields and attributes
  report.json            status, metrics (objective = workload x travel minutes), territories,
                         bound and gap (when the strategy proves one), diagnostics
  territories.geojson    accounts as points and one polygon per territory
  map.svg                the territories on a map, rep homes marked, a scale bar
  report.md              a short readable report
  report.html            the report to open in a browser: one self-contained file (no network) with
                         the map (pan, zoom, tooltips), sortable territory table, balance charts,
                         changes against current reps, performance when accounts have "sales"
  moved.csv              (when accounts have a current_rep) the accounts that change rep

Exit codes: 0 solved (optimal or feasible), 1 infeasible, unsolved or timed out (files still
written), 2 bad input or usage.

Examples:
  terralign align --accounts accounts.csv --reps reps.csv --out out
  terralign align --accounts accounts.geojson --reps reps.csv --options options.json \\
    --time-limit 10 --seed 7 --out out
  terralign align --units examples/us-counties/counties.topojson \\
    --accounts examples/us-counties/accounts.csv --reps examples/us-counties/reps.csv \\
    --options examples/us-counties/options.json --out out
`;

export const evaluateHelp = `terralign evaluate — audit an existing assignment: the same metrics as align, and every rule it breaks

Usage:
  terralign evaluate --accounts FILE --reps FILE [--assignments FILE.csv]
                     [--options FILE.json] [--units FILE [--units-object NAME]] [--out DIR]
                     [--basemap FILE.geojson] [--strict]

Options:
  --accounts FILE        accounts (CSV, JSON or GeoJSON)
  --reps FILE            reps (CSV, JSON or GeoJSON)
  --assignments FILE     CSV (or JSON) with columns account_id,rep_id; a blank rep_id leaves the
                         account unassigned, an account missing from the file is unassigned.
                         When omitted, the accounts' current_rep column is used.
  --options FILE.json    options for the travel model, the balance band and contiguity
  --units FILE           geographic units, as for align
  --units-object NAME    the TopoJSON object that holds the units
  --out DIR              also write into DIR:
                           violations.csv   rule,account_id,rep_id,value,limit: one row per broken
                                            rule (only the header when none is); account_id is
                                            empty for capacity, band and contiguity
                           evaluation.json  territories, metrics, unassigned accounts, violations,
                                            diagnostics
                           assignments.csv  account_id,rep_id as read
                           territories.geojson, map.svg, report.html
                                            the assignment drawn as align draws a plan
  --basemap FILE         outlines drawn beneath the maps (GeoJSON)
  --strict               exit 1 when any rule is broken (for scheduled checks)
  -h, --help             this help

Rules checked (the same checker align runs on its own plans):
  capacity     a rep's workload is at most its capacity
  band         a rep's workload is within target × (1 ± balance.workload); the target is the
               workload of every account (assigned or not) × capacity / total capacity
  segment      a rep with segments serves only those (an account without a segment may go to any rep)
  region       an account and a rep that both have a region match
  lock         a locked account is with its locked rep (a lock overrides segment, region and travel)
  max_travel   the one-way trip to the account is at most the rep's max_travel_minutes (equal is fine)
  unassigned   every account has a rep
  unit_split   (with units) all accounts of a unit are with one rep
  contiguity   (with units and "contiguity": true) each territory is one connected piece holding
               its rep's home unit

Exit codes: 0 scored (with --strict: and no rule broken), 1 with --strict when a rule is broken,
2 bad input or usage (an unknown id, an account given two reps, a missing column: file, line and
value named).

Examples:
  terralign evaluate --accounts accounts.csv --reps reps.csv
  terralign evaluate --accounts accounts.csv --reps reps.csv --assignments crm-export.csv --out today --strict
`;

export const planHelp = `terralign plan — score and tier accounts, and turn tiers into visits and workload

Usage:
  terralign plan --accounts FILE --config FILE.json --out DIR

Options:
  --accounts FILE        accounts (CSV, JSON or GeoJSON) with an id column and the columns the
                         configuration reads (e.g. potential, sales); no location is needed
  --config FILE.json     what to do, e.g.
                           {"score": {"potential": 1},
                            "tiers": {"method": "pareto", "shares": [0.8, 0.95], "names": ["A", "B", "C"]},
                            "visits": {"A": {"perPeriod": 24, "minutes": 60},
                                       "B": {"perPeriod": 12, "minutes": 45},
                                       "C": {"perPeriod": 4, "minutes": 30}}}
  --out DIR              output directory (created when missing; files in it are overwritten)
  -h, --help             this help

Configuration (every part optional):
  score       column → weight, raw values summed; or {"weights": {...}, "normalise":
              "none" | "rank" | "minmax" | "zscore", "missing": "error" | "zero"}
  tiers       "method": "pareto" (default; cumulative shares of the total value, largest accounts
              first: A = the fewest accounts holding 80 %), "quantile" (shares of the account
              count) or "thresholds" ("thresholds": [100000, 20000], value cut-offs); "shares"
              (default [0.8, 0.95]); "names" highest first (default A, B, C); "by": a column to
              tier by instead of the score (default: the score, else potential). Accounts of equal
              value share a tier.
  visits      per tier: perPeriod (visits per period), minutes (per visit), adminMinutes (per
              account and period, optional); workload = (perPeriod x minutes + adminMinutes) / 60 h
  whiteSpace  {"sales": "sales", "highPotentialShare": 0.2, "maxPenetration": 0.5}: white space is
              potential - sales; an account in the top 20 % by potential with sales below half of
              it is under-covered. On by itself when the accounts have a sales column.

Writes into DIR:
  accounts.csv           every input column and row, plus score, tier, visits, workload (a column of
                         the same name is overwritten in place), and white_space, under_covered with
                         sales; 'terralign align --accounts DIR/accounts.csv' balances the workload
  plan.md                the tier table (accounts and value per tier), the Gini, white space
  lorenz.svg             the Lorenz curve of the value

Exit codes: 0 planned, 2 bad input or usage (one message naming the file, line and column).

Example:
  terralign plan --accounts examples/mexico/accounts.csv \\
    --config examples/account-planning/plan.json --out out/plan
`;

export const callplanHelp = `terralign callplan — plan each rep's visits to maximise expected sales within its hours

Usage:
  terralign callplan --accounts FILE --reps FILE [--assignments FILE] --config FILE.json --out DIR

Options:
  --accounts FILE        accounts with id, potential and, for settings given per tier, tier; a
                         visits column (e.g. from 'terralign plan') is the plain tier rule the plan
                         is compared with; a sales column adds white space
  --reps FILE            reps with id and capacity (hours per period)
  --assignments FILE     account_id,rep_id (e.g. assignments.csv from 'terralign align'); when
                         omitted, the accounts' current_rep column (today's owners)
  --config FILE.json     e.g. {"minutesPerVisit": {"A": 60, "B": 45, "C": 30}, "maxVisits": 24,
                               "response": {"model": "adbudg", "min": 0.2, "max": 1.5, "c": 1.8, "d": 30}}
  --out DIR              output directory (created when missing; files in it are overwritten)
  -h, --help             this help

Configuration:
  minutesPerVisit  minutes per visit, one number or one per tier (> 0)
  maxVisits        most visits per account and period, one whole number or one per tier (default 24)
  response         expected sales = potential x share(visits), one model or one per tier:
                   {"model": "adbudg", "min": m, "max": M, "c": c, "d": d}: m + (M - m) v^c / (d + v^c)
                   (c > 1: S-shaped; c > 0, d >= 0, M >= m), or {"model": "tabulated", "points":
                   [[0, 0.2], [4, 0.9], [12, 1.1]]} (linear between points, flat after the last)
  tierVisits       visits per tier for the plain tier rule (default: the accounts' visits column)
  whiteSpace       as for 'terralign plan'
  maxStates        work limit of the exact stage per rep, in programme cells (default 20,000,000)

Whole visits per account in [0, maxVisits], the most expected sales each rep's hours allow
(capacity x 60 minutes), proven optimal per rep, S-shaped responses included: a greedy on the
concave hulls, its Lagrangian bound, and an exact knapsack where the bound leaves a gap.

Writes into DIR:
  callplan.csv           account_id,rep_id,visits,expected_sales: every input account, input order
                         (rep_id empty and 0 visits for an account without a rep)
  callplan-accounts.csv  account_id,rep_id,tier,visits,expected_sales,marginal_sales (one more
                         visit),tier_rule_visits, and white_space,under_covered with sales
  callplan-reps.csv      per rep: hours, visits, expected sales, upper bound, status, the tier rule's
                         hours and sales, lift (and white space)
  callplan.md            the same, readable

Exit codes: 0 every rep's plan proven optimal, 1 a rep's proof stopped at maxStates (the best
plan found is written), 2 bad input or usage.

Example:
  terralign callplan --accounts out/plan/accounts.csv --reps examples/mexico/reps.csv \\
    --assignments out/align/assignments.csv --config examples/account-planning/callplan.json \\
    --out out/callplan
`;

export const tradeoffHelp = `terralign tradeoff — the price of disruption: one realignment per budget, warm-started in turn

Usage:
  terralign tradeoff --accounts FILE --reps FILE --budgets LIST --out DIR [--options FILE.json]
                     [--strategy S] [--time-limit SECONDS] [--seed N]
  terralign tradeoff --accounts FILE --reps FILE --bands LIST --out DIR [...]

Options:
  --accounts FILE   accounts, with current_rep (today's owner) and optionally move_cost
  --reps FILE       reps
  --budgets LIST    comma-separated disruption budgets, in the order to solve them:
                      100       at most 100 accounts move (disruption.maxMoves)
                      2%        at most 2 % of the workload with a current rep moves (maxMovedShare)
                      cost:30   Σ move_cost of the accounts that move at most 30 (maxMoveCost)
  --bands LIST      sweep the band instead: comma-separated balance.workload fractions, e.g.
                    0.05,0.1,0.2 (travel against balance); the options' budgets, if any, stay
  --out DIR         output directory
  --options, --strategy, --time-limit, --seed   as for align

Writes into DIR:
  tradeoff.csv            budget,moves,objective,lower_bound,gap,max_deviation,moved_workload,
                          moved_share,reps_outside_band,status,elapsed_ms: one row per point, in
                          the order given
  tradeoff.svg            objective and lower bound against accounts moved
  <point>/assignments.csv and <point>/report.json for each point (e.g. 100/, 2%/, cost-30/, band-5%/)

Exit codes: 0 every point solved, 1 some point infeasible (its diagnostic gives the least budget
the bands need), unsolved or timed out (files still written), 2 bad input or usage.

Example:
  terralign tradeoff --accounts accounts.csv --reps reps.csv --budgets 100,250,500,5% --out curve
`;

export const diffHelp = `terralign diff — what changes between two assignments

Usage:
  terralign diff --accounts FILE --reps FILE --before FILE --after FILE --out DIR [--options FILE.json]

Options:
  --before FILE, --after FILE   assignments (account_id,rep_id, as evaluate reads them; e.g. today's
                                export and an align output's assignments.csv)
  --options FILE.json           travel model, for the travel figures

Writes into DIR:
  moved.csv   account_id,from_rep,to_rep,workload,potential: one row per account whose rep
              changes (an empty rep: none)
  diff.md     totals and per rep the accounts, workload and potential in and out, workload and
              travel before and after
  diff.svg    the after map with the moved accounts ringed
  report.html the after plan's report led by the changes, moved accounts ringed on its map

Exit codes: 0 compared, 2 bad input (an id that names no account or rep, an account given two reps).
`;

export const scenariosHelp = `terralign scenarios — compare what-if realignments from today's territories

Usage:
  terralign scenarios --accounts FILE --reps FILE --scenarios FILE.json --out DIR [--options FILE.json]
                      [--strategy S] [--time-limit SECONDS] [--seed N]

The scenarios file:
  {"scenarios": [
    {"name": "base"},
    {"name": "rep7-leaves", "removeReps": ["rep-7"]},
    {"name": "hire-east", "addReps": [{"id": "new-1", "lng": -90.2, "lat": 38.6, "capacity": 160}]},
    {"name": "part-time", "capacity": {"rep-3": 80}},
    {"name": "split", "splitRep": {"rep": "rep-4", "id": "rep-4b"}},
    {"name": "merge", "mergeReps": {"into": "rep-1", "reps": ["rep-2"]}},
    {"name": "west", "freezeReps": ["rep-1"], "options": {"balance": {"workload": 0.08}}}
  ]}

Edits, applied in this order: capacity (hours by rep id); mergeReps (the reps leave, "into" takes
their accounts as its own today and their capacity); splitRep (a new rep "id" shares the rep's
territory: based at lng/lat, default the rep's home, with capacity, default half the rep's, which
keeps the other half); removeReps (their accounts become orphans, placed freely outside the
budget); addReps (new reps with no accounts); freezeReps (territories kept exactly as today and
left out of the balancing). "options" are laid over the common options for that scenario. Every
scenario starts from today's owners (current_rep) with the same disruption options.

Writes into DIR:
  <name>/                 the usual align outputs of each scenario, and reps.csv (its reps)
  compare.csv             scenario,status,reps,objective,lower_bound,gap,workload_cv,max_deviation,
                          reps_outside_band,moves,moved_workload,travel_change,travel_change_share
  compare.md              the same as a table, with today's objective
  report.html             the comparison as a page (sortable table, charts), linking each
                          scenario's own report.html

Exit codes: 0 every scenario solved, 1 some scenario not (files still written), 2 bad input (an
unknown rep, two scenarios with one name, a scenario removing every rep, an added rep id that
exists: the file, scenario and field named).
`;

export const placeHelp = `terralign place — choose where to base reps, then build their territories

Usage:
  terralign place --accounts FILE --reps FILE --count N --out DIR [--sites FILE]
                  [--fixed ID,ID...] [--capacity HOURS] [--options FILE.json]
                  [--iterations N] [--time-limit SECONDS] [--seed N]

Homes are chosen by a capacitated p-median search (every account to one rep, workloads within
the balance band and capacities, workload x travel minutes minimised, with a Lagrangian lower
bound); align then builds the territories for those homes, so every rule holds as in 'align'.

Options:
  --accounts FILE        accounts (CSV, JSON or GeoJSON)
  --reps FILE            reps (CSV, JSON or GeoJSON); their homes are replaced unless --fixed
  --count N              reps in the plan (≥ the reps given; new ones are added as new-1, new-2, ...)
  --out DIR              output directory (created when missing)
  --sites FILE           candidate homes (CSV, JSON or GeoJSON with lng, lat and an optional id);
                         default: every account location
  --fixed ID,ID...       reps that keep the home they have
  --capacity HOURS       capacity of added reps (default: the mean capacity of the reps given)
  --options FILE.json    align options (balance band, travel speed, ...), as for 'align'
  --iterations N         effort of the home search (rounds of its local search; default 300 + 20 N)
  --time-limit SECONDS   safety net for the home search and for align (default: 60)
  --seed N               the same seed gives the same homes and plan (default: 1)
  -h, --help             this help

Writes into DIR the files of 'align' (assignments.csv, report.json, territories.geojson, map.svg,
report.md; the report's bound is the placement bound: no choice of homes among the sites does
better) and reps.csv: the reps as the rep reader reads them (id,lng,lat,capacity,segments,
region,max_travel_minutes, then their attributes) with the chosen site_id and fixed.

Exit codes: 0 placed, 1 the plan is infeasible or timed out (files still written), 2 bad input
(a count below 1 or above the sites, capacities that cannot hold the work, sites outside
[-180, 180] x [-90, 90], ...).
`;

export const sizeHelp = `terralign size — the smallest team that covers the accounts, and where to base it

Usage:
  terralign size --accounts FILE --capacity HOURS [--balance FRACTION]
                 [--max-travel-minutes M] [--sites FILE] [--options FILE.json]
                 [--iterations N] [--time-limit SECONDS] [--seed N] [--out DIR]

Computes a lower bound on the head count (total workload / capacity, accounts no two of which one
site can reach, and a Lagrangian covering bound with the travel limit), then places teams of that
size and up (as 'place' does) until a plan meets every rule: capacity, the balance band and the
travel limit. Says whether the count found equals the bound or is above it.

Options:
  --accounts FILE            accounts (CSV, JSON or GeoJSON)
  --capacity HOURS           hours one rep can work per period
  --balance FRACTION         allowed deviation of each rep's workload from the mean (default 0.1)
  --max-travel-minutes M     longest one-way trip from a rep's home to an account (default: none)
  --sites FILE               candidate homes (default: every account location)
  --options FILE.json        align options (travel speed, ...)
  --iterations N             effort of each home search
  --time-limit SECONDS       safety net per home search and align (default: 60)
  --seed N                   seed (default: 1)
  --out DIR                  also write the plan for the count found, as 'place' does
  -h, --help                 this help

Exit codes: 0 a head count was found, 1 none was (the reason is printed), 2 bad input.
`;

export const cpmpHelp = `terralign cpmp — solve a capacitated p-median (CPMP) instance

Usage:
  terralign cpmp FILE [--time-limit SECONDS] [--json] [--seed N] [--iterations N]

FILE is detected by its count of numbers: OR-Library pmedcap ("problem best", "n p Q", then n lines
"id x y demand"; distances floored to integers) or Lorena–Senne ("n p", then n lines
"x y capacity demand"; real Euclidean distances), as used by Osman & Christofides, Lorena & Senne
and Stefanello et al. The objective is the sum of distances from each point to its median; a median
serves itself and its capacity holds all it serves.

Options:
  --time-limit SECONDS   safety net (default 60): past it the best solution so far is printed
  --json                 print {"objective":..., "medians":[...], "assignment":[...], "lowerBound":...}:
                         medians as 1-based point numbers; assignment[i] = k means point i+1 is
                         served by medians[k-1]
  --seed N               seed of every random choice (default 1); the same seed gives the same answer
  --iterations N         search effort (rounds of the iterated local search; default 300 + 20 p)
  -h, --help             this help

Exit codes: 0 solved, 1 no feasible solution (e.g. the p largest capacities cannot hold the
demand), 2 a malformed file (wrong count of numbers, a negative demand, ...) or bad usage.
`;
