import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Formats a path the way the YAML reads: `aliases[1]`, `years.min`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** An entry as a reader finds it in the file: `terms[2] (quokkabase)`, or `notes[1]`. */
export function entryLabel(list: string, index: number, item: unknown): string {
  const record = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const key = record.id ?? record.language;
  return typeof key === 'string' && key.trim() !== ''
    ? `${list}[${index}] (${key})`
    : `${list}[${index}]`;
}

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (field: value)',
};

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  return NOUNS[typeof value] ?? typeof value;
}

const plural = (n: number | bigint, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Zod's default messages are written for programmers; these read as advice on a YAML file. */
function problem(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${NOUNS[issue.expected] ?? issue.expected}, not ${kindOf(value)}`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? 'must not be empty'
          : `must be at least ${plural(issue.minimum, 'character')}`;
      if (issue.origin === 'array') {
        if (issue.exact) return `needs exactly ${plural(issue.minimum, 'item')}`;
        return issue.minimum === 1
          ? 'needs at least one item'
          : `needs at least ${plural(issue.minimum, 'item')}`;
      }
      return issue.inclusive === false
        ? `must be more than ${issue.minimum}`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character')}`;
      if (issue.origin === 'array')
        return issue.exact
          ? `needs exactly ${plural(issue.maximum, 'item')}`
          : `must have at most ${plural(issue.maximum, 'item')}`;
      return issue.inclusive === false
        ? `must be less than ${issue.maximum}`
        : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}, not ${JSON.stringify(value)}`;
    case 'invalid_union':
      return 'is not valid here';
    default:
      // Custom checks and regex formats carry the schema's own wording ("must be a kebab-case id…").
      return issue.message;
  }
}

/**
 * One zod issue as one line naming the file, the entry and the field, e.g.
 * `knowledge/local/glossary.yml: terms[2] (quokkabase): meaning is required`.
 * An issue inside a top-level list is placed on that list's entry; anything else on the file.
 */
export function describeIssue(file: string, issue: Issue, data: unknown): string {
  const path = issue.path;
  const [list, index] = path;
  const inEntry =
    typeof list === 'string' && typeof index === 'number' && Array.isArray(valueAt(data, [list]));
  const where = inEntry ? `${entryLabel(list, index, valueAt(data, [list, index]))}: ` : '';
  const fieldPath = inEntry ? path.slice(2) : path;
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.map((key) => formatPath([...fieldPath, key]));
    const known = fields.length === 1 ? 'is not a known field' : 'are not known fields';
    return `${file}: ${where}${fields.join(', ')} ${known}`;
  }
  const field = formatPath(fieldPath);
  const text = problem(issue, valueAt(data, path));
  if (field === '')
    return `${file}: ${where}${!inEntry && text === 'is required' ? 'is empty' : text}`;
  return `${file}: ${where}${field} ${text}`;
}
