import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/kernel/config.js';

const read = (file: string) => readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');

describe('every setting is documented', () => {
  it('reads the variables from the schema', () => {
    expect(CONFIG_VARIABLES).toContain('SLACK_BOT_TOKEN');
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(10);
  });

  it('names each in .env.example, as an assignment', () => {
    const example = read('.env.example');
    const missing = CONFIG_VARIABLES.filter(
      (name) => !new RegExp(`^#?\\s*${name}=`, 'm').test(example),
    );
    expect(missing).toEqual([]);
  });

  it("names each in the README's configuration table", () => {
    const readme = read('README.md');
    const missing = CONFIG_VARIABLES.filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
