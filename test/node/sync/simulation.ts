/**
 * A simulated replay for the sync strategy: media elements as Chromium's behave where it matters
 * (a position that advances at rate × the skew of the clock driving it, a rate written now that
 * takes effect a little later, a seek that takes a while, random hiccups where the position drops
 * back, and the sawtooth in which the elements with audio read while they time-stretch: see
 * `audioSawtooth`), the real MasterClock on a fake time, and a loop that reads, decides and applies
 * each animation frame, as the engine does. At the replay's rate 1 the engine has the elements'
 * audio resampled when corrected (see `core/sync/pitch-policy.ts`): a rate then moves an element by
 * exactly (rate − 1) × time, as measured in Chromium.
 */
import { MasterClock } from '../../../src/core/clock/master-clock.js';
import { CommonModeStrategy } from '../../../src/core/sync/common-mode-strategy.js';
import type { StreamReading, SyncDecision, SyncStrategy } from '../../../src/core/sync/sync-strategy.js';
import { seededRandom } from '../../helpers/seeded-random.js';

export interface SimStreamSpec {
  readonly id: string;
  readonly hasAudio: boolean;
  /** Timeline position at the start, relative to the clock (ms): where its start left it. */
  readonly startErrorMs?: number;
  /** How fast its time source runs against performance.now() (1.001 = 0.1 % fast). */
  readonly skew?: number;
  /** A written rate takes effect this much later (ms; default: 90 with audio, 5 without, as measured in Chromium). */
  readonly rateLatencyMs?: number;
  /** Hiccups: [at real ms, position drop ms] (the element loses that much, as after a decoder stall). */
  readonly hiccups?: ReadonlyArray<readonly [number, number]>;
  /** How long its last seek took, as the engine reports it (ms; none: not known). */
  readonly lastSeekMs?: number;
  /** It is read from this real time on (ms; before, the engine waits for its start to show). */
  readonly readFromMs?: number;
}

export class SimMedia {
  positionMs: number;
  rate: number;
  effectiveRate: number;
  pending: { rate: number; atMs: number } | undefined;
  seekingUntilMs = -Infinity;
  seekTargetMs = 0;
  readonly writes: Array<{ atMs: number; rate: number }> = [];
  readonly seeks: number[] = [];

  constructor(
    readonly spec: SimStreamSpec,
    clockMs: number,
    userRate: number,
  ) {
    this.positionMs = clockMs + (spec.startErrorMs ?? 0);
    this.rate = userRate;
    this.effectiveRate = userRate;
  }

  get seeking(): boolean {
    return this.seekingUntilMs > -Infinity;
  }

  advance(nowMs: number, dtMs: number): void {
    if (this.pending && nowMs >= this.pending.atMs) {
      this.effectiveRate = this.pending.rate;
      this.pending = undefined;
    }
    if (this.seeking) {
      if (nowMs >= this.seekingUntilMs) {
        this.positionMs = this.seekTargetMs;
        this.seekingUntilMs = -Infinity;
      }
      return;
    }
    this.positionMs += dtMs * this.effectiveRate * (this.spec.skew ?? 1);
    for (const [atMs, dropMs] of this.spec.hiccups ?? []) {
      if (atMs > nowMs - dtMs && atMs <= nowMs) this.positionMs -= dropMs;
    }
  }

  writeRate(nowMs: number, rate: number): void {
    if (rate === this.rate) return;
    this.rate = rate;
    this.writes.push({ atMs: nowMs, rate });
    this.pending = { rate, atMs: nowMs + (this.spec.rateLatencyMs ?? (this.spec.hasAudio ? 90 : 5)) };
  }

  seek(nowMs: number, toMs: number, latencyMs: number): void {
    this.seeks.push(nowMs);
    this.seekTargetMs = toMs;
    this.seekingUntilMs = nowMs + latencyMs;
  }
}

export interface SimOptions {
  readonly streams: readonly SimStreamSpec[];
  readonly durationMs: number;
  readonly userRate?: number;
  readonly frameMs?: number;
  /** How far off each reading of a position is, at most (ms; uniform, seeded). */
  readonly readNoiseMs?: number;
  readonly seed?: number;
  readonly strategy?: SyncStrategy;
  /** How long a corrective seek takes (ms). */
  readonly seekLatencyMs?: number;
  /**
   * At a user rate other than 1 (pitch kept: time-stretched), the readings of every element with
   * audio move in a sawtooth, each in a phase of its own (Chromium at 1.5: ±5–8 ms, a period of
   * ~170 ms, the elements' sawtooths not in step, while the pictures agree).
   */
  readonly audioSawtooth?: { readonly amplitudeMs: number; readonly periodMs: number };
}

export interface SimSample {
  readonly atMs: number;
  /** Each stream's position minus the clock's (ms). */
  readonly errorsMs: Record<string, number>;
  /** max − min of the streams' positions (ms). */
  readonly spreadMs: number;
  readonly clockRateFactor: number;
}

export interface SimResult {
  readonly samples: SimSample[];
  readonly media: Map<string, SimMedia>;
  readonly clock: MasterClock;
  readonly decisions: SyncDecision[];
  /** Rate writes of one stream at or after `fromMs`. */
  writesAfter(id: string, fromMs: number): number;
  /** Largest spread at or after `fromMs`. */
  maxSpreadAfter(fromMs: number): number;
}

export function simulate(options: SimOptions): SimResult {
  const frameMs = options.frameMs ?? 1000 / 60;
  const userRate = options.userRate ?? 1;
  const seekLatencyMs = options.seekLatencyMs ?? 60;
  const random = seededRandom(options.seed ?? 1);
  const noiseMs = options.readNoiseMs ?? 0.1;
  let nowMs = 0;
  const clock = new MasterClock(() => nowMs);
  clock.durationMs = 1e9;
  clock.seek(1000);
  clock.setRate(userRate);
  clock.start();
  const strategy = options.strategy ?? new CommonModeStrategy();
  const media = new Map(options.streams.map((spec) => [spec.id, new SimMedia(spec, clock.positionMs(), userRate)]));
  const samples: SimSample[] = [];
  const decisions: SyncDecision[] = [];
  let clockRateFactor = 1;
  while (nowMs < options.durationMs) {
    nowMs += frameMs;
    for (const element of media.values()) element.advance(nowMs, frameMs);
    const clockMs = clock.positionMs();
    // Every file starts at 0 on the timeline here: media seconds = timeline seconds.
    const readings: StreamReading[] = [];
    for (const [index, element] of [...media.values()].entries()) {
      if (element.seeking || nowMs < (element.spec.readFromMs ?? 0)) continue;
      // Each element's sawtooth in a phase of its own (a third of a period apart), as measured.
      const phase = (nowMs / (options.audioSawtooth?.periodMs ?? 1) + index / 3) % 1;
      const saw = options.audioSawtooth && element.spec.hasAudio && userRate !== 1 ? options.audioSawtooth.amplitudeMs * (2 * phase - 1) : 0;
      const noise = (random() * 2 - 1) * noiseMs + saw;
      readings.push({ streamId: element.spec.id, mediaTimeS: (element.positionMs + noise) / 1000, targetS: clockMs / 1000, playbackRate: element.rate, hasAudio: element.spec.hasAudio, lastSeekMs: element.spec.lastSeekMs });
    }
    const decision = strategy.decide(readings, { nowMs, clockRate: userRate, seekLatencyS: seekLatencyMs / 1000 });
    decisions.push(decision);
    if (decision.clockAdjustMs) clock.seek(clock.positionMs() + decision.clockAdjustMs);
    const factor = decision.clockRateFactor ?? 1;
    if (factor !== clockRateFactor) {
      clockRateFactor = factor;
      clock.setRate(userRate * clockRateFactor);
    }
    for (const [streamId, correction] of decision.corrections) {
      const element = media.get(streamId)!;
      if (correction.kind === 'rate') element.writeRate(nowMs, correction.playbackRate);
      else if (correction.kind === 'seek') element.seek(nowMs, correction.toMediaTimeS * 1000, seekLatencyMs);
    }
    const errorsMs: Record<string, number> = {};
    let min = Infinity;
    let max = -Infinity;
    for (const element of media.values()) {
      errorsMs[element.spec.id] = element.positionMs - clock.positionMs();
      min = Math.min(min, element.positionMs);
      max = Math.max(max, element.positionMs);
    }
    samples.push({ atMs: nowMs, errorsMs, spreadMs: max - min, clockRateFactor });
  }
  return {
    samples,
    media,
    clock,
    decisions,
    writesAfter: (id, fromMs) => media.get(id)!.writes.filter((write) => write.atMs >= fromMs).length,
    maxSpreadAfter: (fromMs) => Math.max(...samples.filter((sample) => sample.atMs >= fromMs).map((sample) => sample.spreadMs)),
  };
}
