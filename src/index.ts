/**
 * terralign: sales territory optimisation. The core: align (also on a worker thread), evaluate,
 * account planning and realignment, with no Node built-in, map drawing, polygon clipping or LP
 * backend in it. Outputs (GeoJSON, SVG, CSV, reports) are in `terralign/output`, file readers in
 * `terralign/node`, exact GAP solves through an LP backend in `terralign/exact`.
 * @packageDocumentation
 */
export { align } from "./align.js";
export { alignAsync, runScenariosAsync, tradeoffAsync } from "./async/align-async.js";
export { evaluate, type Evaluation } from "./evaluate/evaluate.js";
export { ruleNames, type RuleName, type Violation, type ViolationCounts } from "./rules/violation.js";
export { explainAssignment, type AccountExplanation, type Explanation } from "./solvers/transport/explain-assignment.js";
export { TerralignError, type ErrorCode, type InputIssue } from "./errors.js";
export { defaultOptions, type ResolvedOptions } from "./model/defaults.js";
export { strategies, type AlignOptions, type Progress, type Strategy, type TravelFunction } from "./model/options-schema.js";
export { parseProblem } from "./model/parse.js";
export type {
  AssignmentRow,
  Bound,
  Diagnostic,
  Metrics,
  Plan,
  PlanOptions,
  PlanStatus,
  RepPrice,
  Spread,
  Territory,
  UnassignedAccount,
} from "./model/plan.js";
export {
  accountSchema,
  problemSchema,
  repSchema,
  travelMatrixSchema,
  type Account,
  type Problem,
  type Rep,
  type TravelMatrix,
} from "./model/problem-schema.js";
export { readUnits } from "./units/read-units.js";
export type { UnitFeatureCollection, Units, UnitTopology } from "./units/units-schema.js";
export { readGapInstances } from "./gap/read-gap-instances.js";
export { solveGap } from "./gap/solve-gap.js";
export { gapLoads, gapObjective, isGapFeasible, negateCosts, type GapInstance } from "./gap/gap-instance.js";
export type { GapOptions, GapProgress } from "./gap/gap-options.js";
export type { GapResult, GapStatus } from "./gap/gap-result.js";
// Account planning
export { scoreAccounts, type ScoreOptions } from "./plan/score-accounts.js";
export type { Normalise } from "./plan/normalise.js";
export type { MissingValue, PlanAccount } from "./plan/plan-account.js";
export { tierAccounts, type TierStats, type TierSummary, type Tiering } from "./plan/tier-accounts.js";
export type { TierMethod, TierOptions } from "./plan/tier-options.js";
export type { LorenzPoint } from "./plan/value-distribution.js";
export { planVisits, type VisitPlan, type VisitRule } from "./plan/visit-plan.js";
export { whiteSpace, type WhiteSpace, type WhiteSpaceOptions } from "./plan/white-space.js";
export { planAccounts, type AccountPlan, type AccountPlanColumns, type AccountPlanOptions, type PlannedAccount } from "./plan/plan-accounts.js";
export { callPlan, type AccountCalls, type CallPlan, type RepCalls, type TierRuleSummary } from "./plan/call-plan.js";
export { defaultCallPlanOptions, type CallPlanOptions, type PerTier } from "./plan/call-plan-options.js";
export type { CallPlanRep } from "./plan/compile-call-plan.js";
export type { ResponseModel } from "./plan/response-model.js";

// Realignment
export { tradeoff, labelOf, type Tradeoff, type TradeoffPoint, type TradeoffRow } from "./realign/tradeoff.js";
export { diffPlans, type AssignmentLike, type MovedAccount, type PlanDiff, type RepChange } from "./realign/diff-plans.js";
export { applyScenario, type AppliedScenario } from "./realign/apply-scenario.js";
export { runScenarios, type ScenarioComparison, type ScenarioResult, type ScenarioRow } from "./realign/run-scenarios.js";
export { scenarioSchema, scenariosFileSchema, type NewRep, type Scenario } from "./realign/scenario-schema.js";
// Rep placement and sizing
export { placeReps } from "./place/place-reps.js";
export { sizeTeam, type SizeOptions, type SizeTry, type TeamSize } from "./place/size-team.js";
export type { PlacedHome, PlaceOptions, PlacementPlan, PlacementSummary, Site } from "./place/place-options.js";
export type { HeadCountBounds } from "./place/head-count-bound.js";
export { solveCpmp } from "./place/cpmp/solve-cpmp.js";
export { readCpmpFile, type CpmpFile, type CpmpFormat } from "./place/cpmp/read-cpmp-instance.js";
export { euclideanInstance, type PlanePoints } from "./place/cpmp/euclidean-instance.js";
export { cpmpObjective, cpmpViolation, type CpmpInstance } from "./place/cpmp/cpmp-instance.js";
export type { CpmpOptions, CpmpResult, CpmpStatus } from "./place/cpmp/cpmp-options.js";
// Account intelligence
export { estimatePotential, type FeatureImportance, type PotentialEstimate } from "./intel/estimate-potential.js";
export type { BoostingOptions, PotentialOptions } from "./intel/potential-options.js";
export type { PotentialAccount } from "./intel/potential-account.js";
export type { ModelFit } from "./intel/potential-metrics.js";
export {
  recommendProducts,
  type AccountRecommendations,
  type ProductRecommendation,
  type RecommendationEvaluation,
  type RecommendOptions,
  type Recommendations,
} from "./intel/recommend-products.js";
export type { Purchase } from "./intel/ownership.js";
export type { BlendWeights } from "./intel/blend-model.js";
export type { RankingFigures } from "./intel/rank-products.js";
export { createRouter } from "./intel/create-router.js";
export type { RepLoad, RouteReason, RoutePolicy, RouteResult, Router, RouterOptions } from "./intel/router-types.js";
