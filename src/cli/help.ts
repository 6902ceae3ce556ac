/** Help texts, one per command; printed by `--help`. */

export const generalHelp = `terralign — sales territory optimisation

Usage:
  terralign align     --accounts FILE --reps FILE --out DIR [options]
  terralign evaluate  --accounts FILE --reps FILE [--assignments FILE] [options]
  terralign gap       FILE [options]   (OR-Library GAP instances; see 'terralign gap --help')
  terralign --help | --version
  terralign COMMAND --help

Commands:
  align      build territories: every account to one rep, workloads balanced, travel minimised
  evaluate   audit an existing assignment (e.g. today's, from your CRM): metrics and broken rules
  gap        solve generalised assignment problem instances

Input files are CSV (RFC 4180, comma-separated, UTF-8), JSON or GeoJSON (a FeatureCollection
of Points). Accounts: id, lng, lat, workload[, potential, current_rep, locked_rep, segment,
region, unit, tier, visits]; reps: id, lng, lat, capacity[, segments, region,
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
                     [--options FILE.json] [--units FILE [--units-object NAME]] [--out DIR] [--strict]

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
