// Queueing formulas for staffing one interval: Erlang B, Erlang C, Erlang A and the required-agents search.

/** Offered load and timing of one interval, the common input of the formulas below. */
export interface IntervalLoad {
  /** Calls offered in the interval. */
  calls: number;
  /** Interval length in seconds (1800 for 30 minutes). */
  intervalSeconds: number;
  /** Average handling time in seconds (talk + hold + wrap-up). */
  ahtSeconds: number;
}

/**
 * How many Erlangs of traffic does an interval offer?
 * @example trafficErlangs({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180 }) // 10
 */
export function trafficErlangs({ calls, intervalSeconds, ahtSeconds }: IntervalLoad): number {
  return (calls * ahtSeconds) / intervalSeconds;
}

/**
 * What share of calls is blocked with `agents` lines and no queue (Erlang B)?
 * Uses the stable recursion B(n) = A·B(n−1) / (n + A·B(n−1)); safe for thousands of lines.
 * @example erlangB(10, 10) // ≈ 0.214582
 */
export function erlangB(agents: number, trafficErlangs: number): number {
  if (trafficErlangs <= 0) return 0;
  let blocking = 1;
  for (let n = 1; n <= agents; n++) blocking = (trafficErlangs * blocking) / (n + trafficErlangs * blocking);
  return blocking;
}

/** Erlang C waiting probability from an Erlang B value already known for the same agents and load. */
function waitProbabilityFromBlocking(agents: number, trafficErlangs: number, blocking: number): number {
  if (trafficErlangs <= 0) return 0;
  if (agents <= trafficErlangs) return 1;
  return (agents * blocking) / (agents - trafficErlangs * (1 - blocking));
}

/**
 * What is the probability that a call has to wait (Erlang C, callers never hang up)?
 * Returns 1 when the queue is unstable (agents ≤ traffic).
 * @example erlangC(14, 10) // ≈ 0.174132
 */
export function erlangC(agents: number, trafficErlangs: number): number {
  return waitProbabilityFromBlocking(agents, trafficErlangs, erlangB(agents, trafficErlangs));
}

/** Inputs of the Erlang C service-level and ASA formulas. */
export interface ErlangCQuery {
  agents: number;
  trafficErlangs: number;
  ahtSeconds: number;
}

/** Service level from a known waiting probability: 1 − Pw·e^(−(c−A)·t/AHT). */
function serviceLevelFromWait(q: ErlangCQuery & { targetSeconds: number }, waitProbability: number): number {
  if (q.trafficErlangs <= 0) return 1;
  if (q.agents <= q.trafficErlangs) return 0;
  const decay = Math.exp((-(q.agents - q.trafficErlangs) * q.targetSeconds) / q.ahtSeconds);
  return Math.max(0, 1 - waitProbability * decay);
}

/**
 * What share of calls is answered within `targetSeconds` (Erlang C)?
 * @example erlangCServiceLevel({ agents: 14, trafficErlangs: 10, ahtSeconds: 180, targetSeconds: 20 }) // ≈ 0.88835
 */
export function erlangCServiceLevel(q: ErlangCQuery & { targetSeconds: number }): number {
  return serviceLevelFromWait(q, erlangC(q.agents, q.trafficErlangs));
}

/**
 * What is the average speed of answer in seconds, over all calls (Erlang C)? Infinity if unstable.
 * @example erlangCAsaSeconds({ agents: 55, trafficErlangs: 48, ahtSeconds: 240 }) // ≈ 8.18
 */
export function erlangCAsaSeconds(q: ErlangCQuery): number {
  if (q.trafficErlangs <= 0) return 0;
  if (q.agents <= q.trafficErlangs) return Infinity;
  return (erlangC(q.agents, q.trafficErlangs) * q.ahtSeconds) / (q.agents - q.trafficErlangs);
}

/** Inputs of the Erlang A (M/M/c+M) model. */
export interface ErlangAQuery extends IntervalLoad {
  agents: number;
  /** Mean time a caller waits before hanging up, in seconds (exponential patience). */
  patienceSeconds: number;
  /** Answer-time target for the service level, in seconds. */
  targetSeconds: number;
}

/** Erlang A performance of one staffing level. */
export interface ErlangAResult {
  waitProbability: number;
  abandonmentProbability: number;
  occupancy: number;
  /** Mean wait over all arriving callers (answered or not), in seconds. */
  asaSeconds: number;
  /** Share of all arriving callers answered within the target. */
  serviceLevel: number;
}

/** Stationary distribution of the M/M/c+M birth-death chain, truncated where the tail is negligible. */
function erlangAStationary(agents: number, arrivalPerSecond: number, servicePerSecond: number, abandonPerSecond: number): number[] {
  const probs = [1];
  let total = 1;
  for (let n = 1; ; n++) {
    const deathRate = Math.min(n, agents) * servicePerSecond + Math.max(n - agents, 0) * abandonPerSecond;
    const term = (probs[n - 1] * arrivalPerSecond) / deathRate;
    probs.push(term);
    total += term;
    if (n > agents && term < 1e-15 * total) break;
    if (n > agents + 1_000_000) break;
    if (term > 1e250) {
      for (let i = 0; i < probs.length; i++) probs[i] /= 1e250;
      total /= 1e250;
    }
  }
  const norm = probs.reduce((s, p) => s + p, 0);
  return probs.map((p) => p / norm);
}

/**
 * For a caller who finds `j` callers ahead in the queue, probability of being answered within t seconds,
 * for every j = 0..maxAhead at once (uniformisation of the tagged-caller chain, backward recursion).
 */
function answeredWithin(agents: number, maxAhead: number, servicePerSecond: number, abandonPerSecond: number, targetSeconds: number): number[] {
  const states = maxAhead + 1;
  const uniformRate = agents * servicePerSecond + maxAhead * abandonPerSecond + abandonPerSecond;
  const lambdaT = uniformRate * targetSeconds;
  const maxSteps = Math.floor(lambdaT + 10 * Math.sqrt(lambdaT) + 50);
  const advance = new Float64Array(states);
  const stay = new Float64Array(states);
  for (let j = 0; j < states; j++) {
    advance[j] = (agents * servicePerSecond + j * abandonPerSecond) / uniformRate;
    stay[j] = 1 - advance[j] - abandonPerSecond / uniformRate;
  }
  let served = new Float64Array(states); // P(answered within k uniformised steps | start j)
  let next = new Float64Array(states);
  const result = new Float64Array(states);
  let logWeight = -lambdaT; // log Poisson(k; λt), kept in log space so large λt does not underflow
  for (let k = 1; k <= maxSteps; k++) {
    for (let j = 0; j < states; j++) {
      const ahead = j === 0 ? 1 : served[j - 1];
      next[j] = advance[j] * ahead + stay[j] * served[j];
    }
    [served, next] = [next, served];
    logWeight += Math.log(lambdaT / k);
    const weight = Math.exp(logWeight);
    if (weight > 0) for (let j = 0; j < states; j++) result[j] += weight * served[j];
  }
  return Array.from(result);
}

/**
 * How does an interval perform with `agents` when callers hang up after exponential patience (Erlang A)?
 * Exact birth-death chain; with very long patience it converges to Erlang C.
 * @example erlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 12, patienceSeconds: 300, targetSeconds: 20 })
 *   // ≈ { waitProbability: 0.331802, abandonmentProbability: 0.042711, occupancy: 0.797741, asaSeconds: 12.81, serviceLevel: 0.772279 }
 */
export function erlangA(q: ErlangAQuery): ErlangAResult {
  if (q.calls <= 0) return { waitProbability: 0, abandonmentProbability: 0, occupancy: 0, asaSeconds: 0, serviceLevel: 1 };
  if (!(q.agents >= 1) || !Number.isInteger(q.agents)) throw new RangeError(`agents must be a positive integer, got ${q.agents}`);
  if (!(q.patienceSeconds > 0)) throw new RangeError(`patienceSeconds must be positive, got ${q.patienceSeconds}`);
  if (!(q.intervalSeconds > 0 && q.ahtSeconds > 0 && Number.isFinite(q.calls))) {
    throw new RangeError(`calls must be finite and intervalSeconds, ahtSeconds positive, got ${q.calls}, ${q.intervalSeconds}, ${q.ahtSeconds}`);
  }
  if (!(q.targetSeconds >= 0)) throw new RangeError(`targetSeconds must be ≥ 0, got ${q.targetSeconds}`);
  const arrival = q.calls / q.intervalSeconds;
  const service = 1 / q.ahtSeconds;
  const abandon = 1 / q.patienceSeconds;
  const c = q.agents;
  const probs = erlangAStationary(c, arrival, service, abandon);
  let waitProbability = 0;
  let queueLength = 0;
  let answeredImmediately = 0;
  for (let n = 0; n < probs.length; n++) {
    if (n < c) answeredImmediately += probs[n];
    else {
      waitProbability += probs[n];
      queueLength += (n - c) * probs[n];
    }
  }
  const abandonmentProbability = (abandon * queueLength) / arrival;
  const occupancy = (arrival * (1 - abandonmentProbability)) / (c * service);
  const maxAhead = probs.length - 1 - c;
  let serviceLevel = answeredImmediately;
  if (maxAhead >= 0) {
    const within = answeredWithin(c, maxAhead, service, abandon, q.targetSeconds);
    for (let n = c; n < probs.length; n++) serviceLevel += probs[n] * within[n - c];
  }
  return {
    waitProbability,
    abandonmentProbability,
    occupancy,
    asaSeconds: queueLength / arrival,
    serviceLevel: Math.min(1, serviceLevel),
  };
}

/** Round half to even, as Python's round() does (the reference method starts its search at round(A + 1)). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** ceil() that ignores floating-point dust, so 14 / (1 − 0.3) is 20, not 21. */
function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9);
}

/** Input of {@link requiredAgents}. */
export interface StaffingRequest extends IntervalLoad {
  /** Answer-time target in seconds (the "20" of 80/20). */
  targetSeconds: number;
  /** Target share of calls answered within targetSeconds, 0..1 (the "80%" of 80/20). */
  serviceLevel: number;
  /** Highest acceptable occupancy, 0 < x ≤ 1 (default 1: no cap). */
  maxOccupancy?: number;
  /** Share of paid time not on the phones (breaks, training, leave), 0 ≤ x < 1 (default 0). */
  shrinkage?: number;
  /** Queueing model: Erlang C (default) or Erlang A with abandonment. */
  model?: 'erlangC' | 'erlangA';
  /** Mean caller patience in seconds; required for model 'erlangA'. */
  patienceSeconds?: number;
  /** Erlang A only: highest acceptable abandonment probability (default 1: no cap). */
  maxAbandonment?: number;
}

/** Output of {@link requiredAgents}; service figures are evaluated at productiveAgents. */
export interface StaffingResult {
  /** Agents needed on the phones. */
  productiveAgents: number;
  /** Agents to schedule once shrinkage is added: ceil(productive / (1 − shrinkage)). */
  scheduledAgents: number;
  serviceLevel: number;
  occupancy: number;
  waitProbability: number;
  asaSeconds: number;
  /** Erlang A only: share of callers who hang up before an answer. */
  abandonmentProbability?: number;
}

function validateRequest(r: StaffingRequest): void {
  const fail = (msg: string): never => {
    throw new RangeError(msg);
  };
  if (!(r.calls >= 0) || !Number.isFinite(r.calls)) fail(`calls must be a finite number ≥ 0, got ${r.calls}`);
  if (!(r.intervalSeconds > 0)) fail(`intervalSeconds must be > 0, got ${r.intervalSeconds}`);
  if (r.calls > 0 && !(r.ahtSeconds > 0)) fail(`ahtSeconds must be > 0, got ${r.ahtSeconds}`);
  if (!(r.targetSeconds >= 0)) fail(`targetSeconds must be ≥ 0, got ${r.targetSeconds}`);
  if (!(r.serviceLevel >= 0 && r.serviceLevel < 1)) fail(`serviceLevel must be in [0, 1), got ${r.serviceLevel}`);
  const maxOccupancy = r.maxOccupancy ?? 1;
  if (!(maxOccupancy > 0 && maxOccupancy <= 1)) fail(`maxOccupancy must be in (0, 1], got ${maxOccupancy}`);
  const shrinkage = r.shrinkage ?? 0;
  if (!(shrinkage >= 0 && shrinkage < 1)) fail(`shrinkage must be in [0, 1), got ${shrinkage}`);
  if (r.model === 'erlangA' && !(r.patienceSeconds !== undefined && r.patienceSeconds > 0)) {
    fail(`patienceSeconds must be > 0 for model 'erlangA', got ${r.patienceSeconds}`);
  }
}

/** Erlang C staffing: step up from round(A+1) until the target is met, then apply the occupancy cap. */
function requiredErlangC(r: StaffingRequest, traffic: number): Omit<StaffingResult, 'scheduledAgents'> {
  const maxOccupancy = r.maxOccupancy ?? 1;
  let agents = roundHalfEven(traffic + 1);
  let blocking = erlangB(agents, traffic);
  const decayPerAgent = r.targetSeconds / r.ahtSeconds;
  // Same as serviceLevelFromWait, inlined without allocation: this loop is the hot path of monthly staffing.
  const slAt = (c: number, b: number) =>
    c <= traffic ? 0 : Math.max(0, 1 - waitProbabilityFromBlocking(c, traffic, b) * Math.exp(-(c - traffic) * decayPerAgent));
  while (slAt(agents, blocking) < r.serviceLevel) {
    agents += 1;
    blocking = (traffic * blocking) / (agents + traffic * blocking);
  }
  if (traffic / agents > maxOccupancy) {
    const capped = ceilTolerant(traffic / maxOccupancy);
    for (let c = agents + 1; c <= capped; c++) blocking = (traffic * blocking) / (c + traffic * blocking);
    agents = Math.max(agents, capped);
  }
  const waitProbability = waitProbabilityFromBlocking(agents, traffic, blocking);
  return {
    productiveAgents: agents,
    serviceLevel: slAt(agents, blocking),
    occupancy: traffic / agents,
    waitProbability,
    asaSeconds: (waitProbability * r.ahtSeconds) / (agents - traffic),
  };
}

/** Erlang A staffing: the fewest agents from ceil(A) up meeting service level, occupancy and abandonment caps. */
function requiredErlangA(r: StaffingRequest, traffic: number): Omit<StaffingResult, 'scheduledAgents'> {
  const maxOccupancy = r.maxOccupancy ?? 1;
  const maxAbandonment = r.maxAbandonment ?? 1;
  const evaluate = (agents: number) =>
    erlangA({ ...r, agents, patienceSeconds: r.patienceSeconds as number, targetSeconds: r.targetSeconds });
  const meets = (m: ErlangAResult) =>
    m.serviceLevel >= r.serviceLevel && m.occupancy <= maxOccupancy && m.abandonmentProbability <= maxAbandonment;
  // All three measures improve as agents are added, so gallop up then bisect.
  let low = Math.max(1, Math.ceil(traffic));
  if (meets(evaluate(low))) return toStaffing(low, evaluate(low));
  let step = 1;
  let high = low + step;
  while (!meets(evaluate(high))) {
    low = high;
    step *= 2;
    high = low + step;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (meets(evaluate(mid))) high = mid;
    else low = mid;
  }
  return toStaffing(high, evaluate(high));
}

function toStaffing(agents: number, m: ErlangAResult): Omit<StaffingResult, 'scheduledAgents'> {
  return {
    productiveAgents: agents,
    serviceLevel: m.serviceLevel,
    occupancy: m.occupancy,
    waitProbability: m.waitProbability,
    asaSeconds: m.asaSeconds,
    abandonmentProbability: m.abandonmentProbability,
  };
}

/**
 * How many agents does an interval need to meet its service-level target?
 * Erlang C (or Erlang A with `model: 'erlangA'`), occupancy cap, then shrinkage applied last.
 * @example requiredAgents({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20,
 *   serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 }) // { productiveAgents: 14, scheduledAgents: 20, … }
 */
export function requiredAgents(request: StaffingRequest): StaffingResult {
  validateRequest(request);
  if (request.calls === 0) {
    const none: StaffingResult = { productiveAgents: 0, scheduledAgents: 0, serviceLevel: 1, occupancy: 0, waitProbability: 0, asaSeconds: 0 };
    return request.model === 'erlangA' ? { ...none, abandonmentProbability: 0 } : none;
  }
  const traffic = trafficErlangs(request);
  const core = request.model === 'erlangA' ? requiredErlangA(request, traffic) : requiredErlangC(request, traffic);
  const shrinkage = request.shrinkage ?? 0;
  return { ...core, scheduledAgents: ceilTolerant(core.productiveAgents / (1 - shrinkage)) };
}

/** Input of {@link requiredLinesErlangB}. */
export interface BlockingRequest {
  trafficErlangs: number;
  /** Highest acceptable blocking probability, 0..1. */
  maxBlocking: number;
  maxOccupancy?: number;
  shrinkage?: number;
}

/**
 * How many lines (or agents with no queue) keep blocking under `maxBlocking` (Erlang B)?
 * @example requiredLinesErlangB({ trafficErlangs: 10, maxBlocking: 0.02, shrinkage: 0.3 })
 *   // { productiveAgents: 17, scheduledAgents: 25, blockingProbability: ≈0.012949, occupancy: ≈0.580618 }
 */
export function requiredLinesErlangB(r: BlockingRequest): {
  productiveAgents: number;
  scheduledAgents: number;
  blockingProbability: number;
  occupancy: number;
} {
  const shrinkage = r.shrinkage ?? 0;
  const maxOccupancy = r.maxOccupancy ?? 1;
  if (!(r.maxBlocking > 0 && r.maxBlocking <= 1)) throw new RangeError(`maxBlocking must be in (0, 1], got ${r.maxBlocking}`);
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  if (r.trafficErlangs <= 0) return { productiveAgents: 0, scheduledAgents: 0, blockingProbability: 0, occupancy: 0 };
  const a = r.trafficErlangs;
  let lines = 1;
  let blocking = a / (1 + a);
  while (blocking > r.maxBlocking || (a * (1 - blocking)) / lines > maxOccupancy) {
    lines += 1;
    blocking = (a * blocking) / (lines + a * blocking);
  }
  return {
    productiveAgents: lines,
    scheduledAgents: ceilTolerant(lines / (1 - shrinkage)),
    blockingProbability: blocking,
    occupancy: (a * (1 - blocking)) / lines,
  };
}
