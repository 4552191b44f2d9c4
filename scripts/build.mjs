// Bundles the entry points into dist/ as plain ESM JavaScript, so that production runs on
// node alone: no TypeScript loader in memory and a faster start.
// Packages stay external (node_modules at run time; better-sqlite3 is a native addon).
// Code splitting puts what main.ts imports dynamically (the sandbox, with the loopback Slack)
// in chunks of its own, so a bot started with Slack credentials never loads dev tooling.
// Usage: node scripts/build.mjs [--outdir=DIR] [extra entry points, e.g. bench/x.ts]
import { build } from 'esbuild';

const args = process.argv.slice(2);
const outdirArg = args.find((arg) => arg.startsWith('--outdir='));

// The resume text extractor is an entry of its own: the bot forks it by path from dist/.
const entryPoints = [
  'src/main.ts',
  'src/cli/hire-cli.ts',
  'src/features/resume-flags/attachments/extraction-child.ts',
  ...args.filter((arg) => !arg.startsWith('--')),
];

await build({
  entryPoints,
  outdir: outdirArg ? outdirArg.slice('--outdir='.length) : 'dist',
  outbase: '.',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
