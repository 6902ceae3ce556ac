/** A small set of the best distinct feasible assignments seen (arc per job), for path relinking. */
export interface ElitePool {
  readonly capacity: number;
  readonly members: { arcOfJob: Int32Array; cost: number }[];
}

export function createElitePool(capacity: number): ElitePool {
  return { capacity, members: [] };
}

/** Adds a copy when it is new and better than the worst member (or the pool has room). */
export function offerElite(pool: ElitePool, arcOfJob: Int32Array, cost: number): boolean {
  const { members } = pool;
  for (const member of members) {
    if (member.cost === cost && sameAssignment(member.arcOfJob, arcOfJob)) return false;
  }
  if (members.length < pool.capacity) {
    members.push({ arcOfJob: Int32Array.from(arcOfJob), cost });
    return true;
  }
  let worst = 0;
  for (let k = 1; k < members.length; k++) if (members[k].cost > members[worst].cost) worst = k;
  if (cost >= members[worst].cost) return false;
  members[worst] = { arcOfJob: Int32Array.from(arcOfJob), cost };
  return true;
}

function sameAssignment(x: Int32Array, y: Int32Array): boolean {
  for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  return true;
}
