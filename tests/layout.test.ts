import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout's rules, read from the source: who may import whom. Every import counts, type
 * imports and re-exports included, so a cycle through types is a cycle too.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

type Graph = Map<string, string[]>;

/** src/ as a graph: each file (relative to the repo) to what it imports (files or packages). */
function readGraph(): Graph {
  const graph: Graph = new Map();
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join('src', name));
  for (const file of files) {
    const code = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...code.matchAll(SPECIFIER)].map((match) => {
      const spec = (match[1] ?? match[2] ?? match[3]) as string;
      return spec.startsWith('.')
        ? relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts')
        : spec;
    });
    graph.set(file, targets);
  }
  return graph;
}

const graph = readGraph();
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1];
const isBuilder = (file: string) => /\/blocks\/|\/build-[^/]+\.ts$/.test(file);
const isStorage = (file: string) => /\/storage\/|^src\/kernel\/database\//.test(file);
const show = (list: { from: string; to: string }[]) => list.map((e) => `${e.from} → ${e.to}`);

describe('the layout of src/', () => {
  it('reads a graph big enough to mean something', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(edges.filter((e) => e.to.startsWith('src/kernel/')).length).toBeGreaterThan(200);
  });

  it('keeps the kernel below everything: it imports no feature, app, CLI or dev tooling', () => {
    const upward = edges.filter(
      (e) => e.from.startsWith('src/kernel/') && /^src\/(features|app|cli|dev)\//.test(e.to),
    );
    expect(show(upward)).toEqual([]);
  });

  it('keeps features apart: none imports another feature, the app, the CLI or dev tooling', () => {
    const crossing = edges.filter((e) => {
      const from = featureOf(e.from);
      if (from === undefined) return false;
      const to = featureOf(e.to);
      return (to !== undefined && to !== from) || /^src\/(app|cli|dev)\//.test(e.to);
    });
    expect(show(crossing)).toEqual([]);
  });

  it('loads dev tooling only from main.ts, lazily, and from dev tooling itself', () => {
    const intoDev = edges.filter(
      (e) => e.to.startsWith('src/dev/') && !e.from.startsWith('src/dev/'),
    );
    expect(show(intoDev)).toEqual(['src/main.ts → src/dev/sandbox/start-sandbox.ts']);
    expect(readFileSync(join(ROOT, 'src/main.ts'), 'utf8')).toMatch(
      /await import\('\.\/dev\/sandbox\/start-sandbox\.js'\)/,
    );
  });

  it('keeps storage free of Slack: no @slack package, no Block Kit builder', () => {
    const slacky = edges.filter(
      (e) => isStorage(e.from) && (e.to.startsWith('@slack/') || isBuilder(e.to)),
    );
    expect(show(slacky)).toEqual([]);
  });

  it('makes Block Kit only in builders (a blocks/ folder or a build-*.ts file)', () => {
    const helpers = 'src/kernel/slack/blocks/block-kit.ts';
    const outside = edges.filter(
      (e) => e.to === helpers && !isBuilder(e.from) && !e.from.startsWith('src/dev/'),
    );
    expect(show(outside)).toEqual([]);
    const literal = /type: '(section|actions|context|header|divider|input|modal|home)'/;
    const handMade = [...graph.keys()].filter(
      (file) =>
        !isBuilder(file) &&
        !file.startsWith('src/dev/') &&
        literal.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(handMade).toEqual([]);
  });

  it('keeps builders pure: no storage, no Web API client, no Bolt', () => {
    const impure = edges.filter(
      (e) =>
        isBuilder(e.from) &&
        (isStorage(e.to) || e.to === '@slack/bolt' || e.to === '@slack/web-api'),
    );
    expect(show(impure)).toEqual([]);
  });

  it('has no import cycle, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === 'open')
          cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
