/** Help texts of the account-intelligence commands: potential, crosssell, route. */

export const potentialHelp = `terralign potential — estimate each account's potential (its wallet) from what customers spend

Usage:
  terralign potential --accounts FILE --target COLUMN --out DIR
                      [--features a,b,...] [--quantile Q] [--folds K] [--seed N]

Options:
  --accounts FILE    accounts (CSV, JSON or GeoJSON); only an id column is required. lng/lat, when
                     present, give location features; every other column is an attribute
  --target COLUMN    what each customer spends (e.g. sales); accounts with it blank are prospects.
                     At least 50 customers are needed
  --features a,b     the attribute columns to learn from (default: every attribute column)
  --quantile Q       potential = this quantile of what similar customers spend, in (0, 1)
                     (default 0.8); "mean" estimates the mean instead
  --folds K          cross-validation folds, 2-20 (default 5): every customer's estimate comes from
                     a model that did not see it
  --seed N           integer seed; the same seed gives the same estimates (default 1)
  --out DIR          output directory (created when missing)
  -h, --help         this help

Writes into DIR:
  accounts.csv       every input column and row, plus potential_est and white_space (estimate -
                     target for customers, the estimate for prospects)
  potential.md       fit of the model and of two baselines (segment means, linear): R² on the log
                     scale, Spearman, pinball loss, coverage; feature importance; a chart of
                     estimate against actual (inline SVG)
  potential.json     the same figures as JSON

A feature that is constant or missing on every row is dropped with a warning.
Exit codes: 0 done, 2 bad input or usage (file, line and value named).

Example:
  terralign potential --accounts accounts.csv --target sales --quantile 0.8 --out out
`;

export const crosssellHelp = `terralign crosssell — recommend each account's next products

Usage:
  terralign crosssell --purchases FILE [--accounts FILE] --out DIR [--top N] [--seed N]

Options:
  --purchases FILE   purchase rows: account_id,product[,value][,date] (CSV or JSON); value is an
                     amount, date an ISO 8601 date (2026-03-31)
  --accounts FILE    accounts with an id column; every other column is an attribute (industry,
                     size, ...) for the per-product models, and every account gets recommendations
  --top N            recommendations per account (default 5)
  --seed N           integer seed for the products held out in validation (default 1)
  --out DIR          output directory (created when missing)
  -h, --help         this help

The recommendations mix three estimates of the chance that an account buys a product: what
accounts owning the same products also own (EASE, an item-to-item model in closed form),
per-product logistic models on the account attributes, and popularity. The mixture and EASE's
penalty are chosen by internal validation; when no mixture beats popularity, popularity is used.
A product the account already owns is never recommended.

Writes into DIR:
  recommendations.csv  account_id,rank,product,score (+ expected_value when purchases have a
                       value: score x the mean value its owners bought); up to N rows per account,
                       every account in the accounts or the purchases
  crosssell.md         the blend and the evaluation: hit rate, precision and recall at 1, 3 and N,
                       each against popularity, on purchases held out (a time split when every
                       purchase has a date, else one product per account)

Purchases naming an account not in --accounts are kept, with a warning.
Exit codes: 0 done, 2 bad input or usage (file, line and value named).
`;

export const routeHelp = `terralign route — route new accounts to their owners against an existing plan

Usage:
  terralign route --accounts FILE --reps FILE --assignments FILE --new FILE --out DIR
                  [--options FILE.json] [--policy territory|balanced]

Options:
  --accounts FILE      the plan's accounts (CSV, JSON or GeoJSON), as for align
  --reps FILE          reps, as for align
  --assignments FILE   the plan: account_id,rep_id (e.g. align's assignments.csv or a CRM export)
  --new FILE           the new accounts, in arrival order, with the accounts' columns (id, lng, lat,
                       workload[, segment, region, current_rep, locked_rep, ...])
  --options FILE.json  align options: the travel model and the balance band
  --policy P           territory (default): the rep whose territory the account falls in, by the
                       plan's own geography (the owners of its nearest assigned accounts; on a
                       border, the shorter trip); balanced: least travel plus a pull towards reps
                       behind their target, never a rep above its band while an eligible rep has room
  --out DIR            output directory (created when missing)
  -h, --help           this help

A locked account goes to its locked rep; an account whose current_rep may serve it, to that rep.
Otherwise only reps the rules allow (segments, region, max_travel_minutes) are considered.

Writes into DIR:
  routed.csv   account_id,rep_id,reason,travel_minutes: one row per new account in input order;
               reason is lock, owner, territory or balance; an account no rep may take has an
               empty rep_id and the reason
  loads.csv    rep_id,before,routed,after,target,deviation: hours per rep; the target counts every
               account, old and new

Prints how many reps left the balance band.
Exit codes: 0 every new account routed, 1 some could not be routed (files still written), 2 bad
input or usage (e.g. a new account whose id is already assigned: file, line and value named).
`;
