/**
 * Where a V8 CPU profile spent its time, as text: self time per function and total (inclusive)
 * time per function, top N each. For the `BENCH_CPU_PROF=1` profiles of the app child.
 *
 *   npx tsx bench/support/profile-summary.ts <file.cpuprofile> [N]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

/** Self and inclusive time per function (recursion counted once per sample). */
export function summarizeProfile(profile: CpuProfile, top: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    all += us;
    const node = byId.get(id);
    if (!node) return;
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const name = label(n);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us);
    }
  });
  const rank = (m: Map<string, number>): ProfileLine[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: all > 0 ? us / all : 0 }));
  return { totalMs: all / 1000, self: rank(self), inclusive: rank(total) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, n] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [N]');
  const summary = summarizeProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(n ?? 25),
  );
  const print = (title: string, lines: ProfileLine[]): void => {
    process.stdout.write(`\n${title} (of ${summary.totalMs.toFixed(0)} ms)\n`);
    for (const l of lines) {
      process.stdout.write(
        `${(l.share * 100).toFixed(1).padStart(5)}%  ${l.ms.toFixed(0).padStart(7)} ms  ${l.name}\n`,
      );
    }
  };
  print('self time', summary.self);
  print('inclusive time', summary.inclusive);
}
