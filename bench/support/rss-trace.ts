import type { NodeChild } from './node-child.js';

/** Lowest and highest VmRSS seen in one phase of the load, in bytes. */
export interface RssRange {
  min: number;
  max: number;
}

export interface RssPhase {
  label: string;
  /** Requests hire-bot had served since warm-up when the phase ended. */
  appRequests: number;
  app: RssRange;
  floor: RssRange;
}

/**
 * VmRSS of the app and the floor, sampled every `everyMs` while a phase runs.
 *
 * Why a trace and not one reading after each phase: under load the RSS of a Node server is a
 * saw-tooth. The heap grows by a few MB a second until a major GC, then falls back to what is
 * live (measured here: 153 → 188 → 154 MB within one 5 s load). A single reading lands anywhere
 * on that tooth, so two of them differed by ±30 MB with no leak at all, for the floor as much as
 * for the app. The lowest reading of a phase is the bottom of the tooth: what stays alive after
 * a major GC. A leak raises that bottom from phase to phase.
 */
export function startRssTrace(children: { app: NodeChild; floor: NodeChild }, everyMs = 100) {
  const phases: RssPhase[] = [];
  let current: RssPhase | undefined;
  const widen = (range: RssRange, bytes: number): void => {
    range.min = Math.min(range.min, bytes);
    range.max = Math.max(range.max, bytes);
  };
  const sample = (): void => {
    if (!current) return;
    widen(current.app, children.app.rssBytes());
    widen(current.floor, children.floor.rssBytes());
  };
  const timer = setInterval(sample, everyMs);
  const empty = (): RssRange => ({ min: Number.POSITIVE_INFINITY, max: 0 });
  return {
    phases,
    begin(label: string): void {
      current = { label, appRequests: 0, app: empty(), floor: empty() };
      phases.push(current);
      sample();
    },
    end(appRequests: number): void {
      sample();
      if (current) current.appRequests = appRequests;
      current = undefined;
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
