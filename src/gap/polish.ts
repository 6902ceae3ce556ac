import { enqueue, descend } from "./local-search.js";
import type { SearchSession } from "./search.js";
import { resetTo, totalViolation } from "./search-state.js";

/**
 * One descent from `arcOfJob` with the session's current weights; returns the feasible local
 * optimum reached, or the input when the descent ends infeasible. Leaves the session's current
 * assignment at that point (the best and the elite pool are not touched).
 */
export function polish(session: SearchSession, arcOfJob: Int32Array): Int32Array {
  const { state } = session;
  resetTo(state, arcOfJob);
  for (let j = 0; j < session.arcs.n; j++) enqueue(session.queue, j);
  session.cache.current++;
  descend(state, session.lists, session.queue, session.cache, { chains: true, stopped: () => false });
  return totalViolation(state) > 0 ? arcOfJob : Int32Array.from(state.arcOfJob);
}
