import { describe, expect, it } from 'vitest';
import {
  estimateYears,
  levelForYears,
} from '../../../../src/features/resume-flags/analysis/estimate-experience.js';
import { loadKnowledge } from '../../../../src/kernel/knowledge/load-knowledge.js';

const levels = loadKnowledge().levels.levels;

describe('estimateYears', () => {
  it.each([
    ['7 years of experience', 7],
    ['5+ yrs building APIs', 5],
    ['over 12 years in fintech; 3 years at Acme', 12],
    ['mit 6 Jahren Erfahrung', 6],
    ['8 años de experiencia', 8],
    ['Backend since 2016', 10],
    ['desde 2020 en Madrid', 6],
    ['Acme (2018 – present), Beta (2014 - 2018)', 12],
    ['Mar 2019 - Jun 2021', 2],
  ])('%s → %i', (text, years) => {
    expect(estimateYears(text, 2026)).toBe(years);
  });

  it.each([
    'Left my last job 3 years ago',
    'I am 25 years old',
    'No dates at all',
    'Born in 1990',
    'From 2030 to 2031',
  ])('finds nothing in "%s"', (text) => {
    expect(estimateYears(text, 2026)).toBeUndefined();
  });
});

describe('levelForYears', () => {
  it.each([
    [0, 'junior'],
    [1, 'junior'],
    [2, 'mid'],
    [4, 'mid'],
    [5, 'senior'],
    [7, 'senior'],
    [8, 'staff'],
    [20, 'staff'],
  ])('%i years → %s', (years, level) => {
    expect(levelForYears(years, levels)).toBe(level);
  });
});
