import { describe, expect, it } from 'vitest';
import {
  decodeHomeState,
  EMPTY_HOME_STATE,
  encodeHomeState,
  type HomeState,
  withPage,
} from '../../../src/features/home/home-state.js';

describe('the Home state kept in the view', () => {
  it('round-trips, and page 1 is not stored', () => {
    let state: HomeState = {
      v: 1,
      results: { kind: 'command', command: 'search kafka' },
      pages: {},
    };
    state = withPage(state, 'reminders', 3);
    state = withPage(state, 'resume-flags', 2);
    state = withPage(state, 'resume-flags', 1);
    expect(state.pages).toEqual({ reminders: 3 });
    expect(decodeHomeState(encodeHomeState(state))).toEqual(state);
  });

  it('gives a fresh Home for anything missing, old, odd or not ours', () => {
    for (const metadata of [
      undefined,
      '',
      '{',
      'null',
      '{"v":2,"pages":{}}',
      '{"v":1,"pages":{"Bad Id":2}}',
      '{"v":1,"pages":{"reminders":0}}',
      '{"v":1,"results":{"kind":"command","command":""}}',
      JSON.stringify({ v: 1, results: { kind: 'command', command: 'x'.repeat(601) } }),
      JSON.stringify({
        v: 1,
        pages: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`s${i}`, 2])),
      }),
      42,
    ])
      expect(decodeHomeState(metadata)).toEqual(EMPTY_HOME_STATE);
    expect(decodeHomeState('{"v":1}')).toEqual(EMPTY_HOME_STATE);
  });

  it('stays far within Slack’s 3,000 characters of private_metadata at its largest', () => {
    const largest: HomeState = {
      v: 1,
      results: { kind: 'command', command: 'x'.repeat(600) },
      pages: Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`${'s'.repeat(38)}${i}`, 1000]),
      ),
    };
    expect(decodeHomeState(encodeHomeState(largest))).toEqual(largest);
    expect(encodeHomeState(largest).length).toBeLessThan(3000);
  });
});
