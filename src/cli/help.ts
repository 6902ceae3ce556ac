/** Help texts, one per command; printed by `--help`. */

export const generalHelp = `terralign — sales territory optimisation

Usage:
  terralign align     --accounts FILE --reps FILE --out DIR [options]
  terralign evaluate  --accounts FILE --reps FILE [--assignments FILE] [options]
  terralign gap       FILE [options]   (OR-Library GAP instances; see 'terralign gap --help')
  terralign place     --accounts FILE --reps FILE --count N --out DIR [options]
  terralign size      --accounts FILE --capacity HOURS [options]
  terralign cpmp      FILE [options]   (capacitated p-median instances; see 'terralign cpmp --help')
  terralign --help | --version
  terralign COMMAND --help

Commands:
  align      build territories: every account to one rep, workloads balanced, travel minimised
  evaluate   score an existing assignment (e.g. today's, from your CRM)
  gap        solve generalised assignment problem instances
  place      choose where to base reps (capacitated p-median), then build their territories
  size       find the smallest team that covers the accounts, and where to base it
  cpmp       solve capacitated p-median benchmark instances (OR-Library pmedcap, Lorena–Senne)

Input files are CSV (RFC 4180, comma-separated, UTF-8), JSON or GeoJSON (a FeatureCollection
of Points). Accounts: id, lng, lat, workload[, potential, current_rep, locked_rep, segment,
region, unit, tier, visits]; reps: id, lng, lat, capacity[, segments, region,
max_travel_minutes]. Any other column is carried through to the outputs.

Exit codes:
  0   solved (status optimal or feasible)
  1   infeasible or timed out: outputs are still written and the diagnostics printed
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
                  [--units FILE [--units-object NAME]]

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
  -h, --help             this help

Flags override the same fields of the options file.

Writes into DIR:
  assignments.csv        account_id,rep_id, then the account's fields and attributes
  report.json            status, metrics (objective = workload x travel minutes), territories,
                         bound and gap (when the strategy proves one), diagnostics
  territories.geojson    accounts as points and one polygon per territory
  map.svg                the territories on a map, rep homes marked
  report.md              a short readable report

Exit codes: 0 solved, 1 infeasible or timed out (files still written), 2 bad input or usage.

Examples:
  terralign align --accounts accounts.csv --reps reps.csv --out out
  terralign align --accounts accounts.geojson --reps reps.csv --options options.json \\
    --time-limit 10 --seed 7 --out out
  terralign align --units examples/us-counties/counties.topojson \\
    --accounts examples/us-counties/accounts.csv --reps examples/us-counties/reps.csv \\
    --options examples/us-counties/options.json --out out
`;

export const evaluateHelp = `terralign evaluate — score an existing assignment with the same metrics as align

Usage:
  terralign evaluate --accounts FILE --reps FILE [--assignments FILE.csv]
                     [--options FILE.json] [--units FILE [--units-object NAME]] [--out DIR]

Options:
  --accounts FILE        accounts (CSV, JSON or GeoJSON)
  --reps FILE            reps (CSV, JSON or GeoJSON)
  --assignments FILE     CSV (or JSON) with columns account_id,rep_id; a blank rep_id leaves the
                         account unassigned. When omitted, the accounts' current_rep column is used.
  --options FILE.json    options for the travel model and the balance band
  --units FILE           geographic units, as for align
  --units-object NAME    the TopoJSON object that holds the units
  --out DIR              also write evaluation.json (territories, metrics, unassigned accounts,
                         diagnostics) and assignments.csv (account_id,rep_id) into DIR
  -h, --help             this help

Exit codes: 0 scored (even when the assignment breaks the band or a capacity: the metrics and
diagnostics say so), 2 bad input or usage.

Examples:
  terralign evaluate --accounts accounts.csv --reps reps.csv
  terralign evaluate --accounts accounts.csv --reps reps.csv --assignments crm-export.csv --out today
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
better) and reps.csv: id,lng,lat,capacity,site_id,fixed.

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
