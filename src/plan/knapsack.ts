import { minutesKnapsack, wholeMinuteUnit } from "./minutes-knapsack.js";
import { paretoKnapsack, type FreeAccounts, type KnapsackOutcome } from "./pareto-knapsack.js";

/**
 * The exact multiple-choice knapsack over the free accounts (one level each, minutes within
 * `room`, the most expected sales above `beat`): the dense programme over whole minutes when every
 * level's minutes are whole numbers, else the programme over Pareto states (any minutes). Both
 * drop states by the same Lagrangian bound and stop past `maxWork` cells or states.
 */
export function solveKnapsack(free: FreeAccounts, room: number, slack: number, lambda: number, beat: number, maxWork: number): KnapsackOutcome {
  const unit = wholeMinuteUnit(free);
  return unit > 0 ? minutesKnapsack(free, unit, room, slack, lambda, beat, maxWork) : paretoKnapsack(free, room, slack, lambda, beat, maxWork);
}
