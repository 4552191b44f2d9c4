import { describe, expect, it } from 'vitest';
import {
  chooseAttachments,
  looksLikeResumeName,
  needsFileInfo,
} from '../../../../src/features/resume-flags/attachments/choose-attachments.js';

const LIMITS = { maxFiles: 3, maxBytes: 10 * 1024 * 1024 };

function file(id: string, name: string, filetype: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    title: name,
    filetype,
    size: 2_000,
    mode: 'hosted',
    is_external: false,
    url_private: `https://files.slack.com/files-pri/T1-${id}/${name}`,
    url_private_download: `https://files.slack.com/files-pri/T1-${id}/download/${name}`,
    ...extra,
  };
}

describe('chooseAttachments', () => {
  it('reads PDF, .docx, text and Markdown files and skips images and zips as unsupported', () => {
    const choice = chooseAttachments(
      [
        file('F1', 'notes.pdf', 'pdf'),
        file('F2', 'photo.png', 'png'),
        file('F3', 'letter.docx', 'docx'),
        file('F4', 'bundle.zip', 'zip'),
        file('F5', 'about.md', 'markdown'),
      ],
      { ...LIMITS, maxFiles: 5 },
    );
    expect(choice.chosen.map((c) => [c.id, c.kind])).toEqual([
      ['F1', 'pdf'],
      ['F3', 'docx'],
      ['F5', 'markdown'],
    ]);
    expect(choice.skipped).toEqual([
      { id: 'F2', name: 'photo.png', reason: 'unsupported-type' },
      { id: 'F4', name: 'bundle.zip', reason: 'unsupported-type' },
    ]);
  });

  it('puts files named like a resume first, keeps message order otherwise, and stops at three', () => {
    const choice = chooseAttachments(
      [
        file('F1', 'cover-letter.pdf', 'pdf'),
        file('F2', 'portfolio.pdf', 'pdf'),
        file('F3', 'Jane_CV.pdf', 'pdf'),
        file('F4', 'references.txt', 'text'),
        file('F5', 'Lebenslauf Müller.docx', 'docx'),
      ],
      LIMITS,
    );
    expect(choice.chosen.map((c) => c.id)).toEqual(['F3', 'F5', 'F1']);
    expect(choice.skipped).toEqual([
      { id: 'F2', name: 'portfolio.pdf', reason: 'too-many' },
      { id: 'F4', name: 'references.txt', reason: 'too-many' },
    ]);
  });

  it('skips deleted, external and declared-oversized files with their reason', () => {
    const choice = chooseAttachments(
      [
        file('F1', 'resume.pdf', 'pdf', { mode: 'tombstone' }),
        file('F2', 'resume.docx', 'docx', { mode: 'external', is_external: true }),
        file('F3', 'cv.pdf', 'pdf', { is_external: true }),
        file('F4', 'cv-big.pdf', 'pdf', { size: 10 * 1024 * 1024 + 1 }),
        file('F5', 'cv-ok.pdf', 'pdf', { size: 10 * 1024 * 1024 }),
      ],
      LIMITS,
    );
    expect(choice.chosen.map((c) => c.id)).toEqual(['F5']);
    expect(choice.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['F1', 'deleted'],
      ['F2', 'external'],
      ['F3', 'external'],
      ['F4', 'too-large'],
    ]);
  });

  it('skips entries that are not file objects and accepts no files at all', () => {
    const choice = chooseAttachments(
      [null, 'F1', { name: 'resume.pdf', filetype: 'pdf' }, { id: 'bad id!', name: 'cv.pdf' }],
      LIMITS,
    );
    expect(choice.chosen).toEqual([]);
    expect(choice.skipped).toEqual([
      { id: '', name: '', reason: 'unsupported-type' },
      { id: '', name: '', reason: 'unsupported-type' },
      { id: '', name: 'resume.pdf', reason: 'unsupported-type' },
      { id: 'bad id!', name: 'cv.pdf', reason: 'unsupported-type' },
    ]);
    expect(chooseAttachments(undefined, LIMITS)).toEqual({ chosen: [], skipped: [] });
    expect(chooseAttachments({ files: [] }, LIMITS)).toEqual({ chosen: [], skipped: [] });
  });

  it('keeps a file whose optional fields have the wrong type, dropping those fields', () => {
    const choice = chooseAttachments(
      [file('F1', 'cv.pdf', 'pdf', { size: 'huge', title: 7 })],
      LIMITS,
    );
    expect(choice.chosen).toHaveLength(1);
    expect(choice.chosen[0]?.file.size).toBeUndefined();
    expect(choice.chosen[0]?.file.title).toBeUndefined();
  });

  it('marks files that need files.info first', () => {
    const choice = chooseAttachments(
      [
        file('F1', 'a.pdf', 'pdf', { file_access: 'check_file_info' }),
        { id: 'F2', name: 'b.pdf', filetype: 'pdf' },
        file('F3', 'c.pdf', 'pdf'),
      ],
      LIMITS,
    );
    expect(choice.chosen.map((c) => [c.id, c.needsInfo])).toEqual([
      ['F1', true],
      ['F2', true],
      ['F3', false],
    ]);
    expect(needsFileInfo({ id: 'F4', url_private: 'https://files.slack.com/x' })).toBe(false);
  });

  it('leaves the type of an id-only check_file_info entry (Slack Connect) to files.info', () => {
    const idOnly = { id: 'F1', mode: 'file_access', file_access: 'check_file_info', user: '' };
    const choice = chooseAttachments(
      [
        idOnly,
        { id: 'F2', mimetype: 'image/png', file_access: 'check_file_info' },
        { id: 'F3', mode: 'file_access' },
      ],
      LIMITS,
    );
    expect(choice.chosen).toEqual([
      {
        id: 'F1',
        name: 'F1',
        needsInfo: true,
        file: { id: 'F1', mode: 'file_access', file_access: 'check_file_info' },
      },
    ]);
    // A type that is known and unreadable, or no promise that files.info can tell more: skipped.
    expect(choice.skipped).toEqual([
      { id: 'F2', name: 'F2', reason: 'unsupported-type' },
      { id: 'F3', name: 'F3', reason: 'unsupported-type' },
    ]);
  });
});

describe('looksLikeResumeName', () => {
  it.each([
    'resume.pdf',
    'Résumé - Jane.docx',
    'JANE_CV_2026.pdf',
    'cv.md',
    'Lebenslauf.pdf',
    'curriculum vitae.txt',
  ])('matches %s', (name) => {
    expect(looksLikeResumeName({ name })).toBe(true);
  });

  it.each(['cover-letter.pdf', 'cvs-receipt.pdf', 'recv.log', 'notes.txt'])(
    'does not match %s',
    (name) => {
      expect(looksLikeResumeName({ name })).toBe(false);
    },
  );

  it('looks at the title too', () => {
    expect(looksLikeResumeName({ name: 'scan0042.pdf', title: 'Jane Doe CV' })).toBe(true);
  });
});
