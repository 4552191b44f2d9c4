import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** What the figures were measured on: they mean little without it. */
export function describeMachine(now = new Date()): string {
  const cpuList = cpus();
  const model = cpuList[0]?.model.trim() ?? 'unknown CPU';
  const gib = (bytes: number): string => (bytes / 1024 ** 3).toFixed(1);
  return [
    `date:    ${now.toISOString()}`,
    `machine: ${model}, ${cpuList.length} cores, ${gib(totalmem())} GiB RAM (${gib(freemem())} GiB free)`,
    `node:    ${process.version} (${process.platform}/${process.arch})`,
    `load:    ${loadAverage()} (1/5/15 min)`,
  ].join('\n');
}

/** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
