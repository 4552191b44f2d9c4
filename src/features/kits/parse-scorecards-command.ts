import { candidateLabel } from './kit-request.js';

export type ScorecardsCommand =
  | { kind: 'list'; label: string }
  | { kind: 'delete'; label: string }
  | { kind: 'usage'; problem?: string };

/**
 * Reads the text after `/hire scorecards`: a candidate label to list, or `delete <label>`
 * (also `erase`, `remove`) to erase everything stored for it. Never throws.
 */
export function parseScorecardsCommand(text: string): ScorecardsCommand {
  const trimmed = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const erase = /^(?:delete|erase|remove)(?:\s+(.*))?$/i.exec(trimmed);
  const raw = erase ? (erase[1] ?? '') : trimmed;
  if (raw === '') return { kind: 'usage' };
  const label = candidateLabel.safeParse(raw);
  if (!label.success) return { kind: 'usage', problem: label.error.issues[0]?.message };
  return { kind: erase ? 'delete' : 'list', label: label.data };
}
