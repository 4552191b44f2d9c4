/** What a terminal command printed and its exit code, without touching process state. */
export type CliResult = { code: number; stdout: string; stderr: string };
