import type { AttachmentReader } from './read-resume-attachments.js';

/**
 * The same reader, but `close()` first waits for the reads in flight. Each ends within the
 * reader's own deadline, so a shutdown lets the modals being read finish rather than
 * telling their reviewers that the files took too long.
 */
export function drainBeforeClose(reader: AttachmentReader): AttachmentReader {
  const inFlight = new Set<Promise<void>>();
  return {
    limits: reader.limits,
    plan: (files) => reader.plan(files),
    read(files, options) {
      const reading = reader.read(files, options);
      const settled = reading.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      return reading;
    },
    async close() {
      await Promise.all(inFlight);
      await reader.close();
    },
  };
}
