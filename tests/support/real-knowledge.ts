import { type KnowledgeError, loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import type { Knowledge } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';

/**
 * The project's real knowledge, or why it cannot be loaded yet. Tests against the real
 * content skip (saying why) while the knowledge files are still being written.
 */
export function tryLoadRealKnowledge(): { knowledge?: Knowledge; reason?: string } {
  try {
    return { knowledge: loadKnowledge() };
  } catch (error) {
    return { reason: (error as KnowledgeError).message.split('\n')[0] };
  }
}
