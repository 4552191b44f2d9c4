import type { ModalView } from '@slack/types';
import type { ViewSubmissionArgs } from '../../kernel/slack/listener-router.js';
import { buildEntrySavedView } from './blocks/build-entry-modals.js';
import { changePendingText, liveText, pendingText } from './blocks/build-review-messages.js';
import { entryCollisions } from './check-entry.js';
import { contributionsOf, type TeamKnowledgeDeps } from './contributions.js';
import { type FieldErrors, parseGlossaryForm, parseQuestionForm } from './entry-form.js';
import { entryIntentSchema } from './entry-metadata.js';
import { isEntryAdmin, mayChangeEntry, needsApproval } from './entry-permissions.js';
import type { ModuleEntry, TeamEntryModule } from './team-entry.js';
import { GLOSSARY_INPUTS, QUESTION_INPUTS } from './team-knowledge-ids.js';

const firstInput = (module: TeamEntryModule) =>
  module === 'glossary' ? GLOSSARY_INPUTS.name.blockId : QUESTION_INPUTS.prompt.blockId;

/**
 * Submit of the glossary or question modal: the fields checked by the kernel's schemas, the
 * names checked against every entry's (answered as field errors, nothing stored); then the
 * entry is stored — live at once, or pending with each admin asked — or, for an edit by its
 * author or an admin, saved with who and when: an admin's edit as it was, anyone else's back to
 * pending with each admin asked (HIRE_ADMINS set). The modal says what happens next.
 */
export function createEntrySubmission(module: TeamEntryModule, deps: TeamKnowledgeDeps) {
  const c = contributionsOf(deps, `${module}-entry-submission`);

  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [firstInput(module)]: message } });
    const errors = (fields: FieldErrors) => ack({ response_action: 'errors', errors: fields });
    const intent = entryIntentSchema.safeParse(view.private_metadata);
    if (!intent.success || (intent.data.kind === 'edit' && intent.data.ref.module !== module)) {
      await fail('This form is out of date. Close it and open it again.');
      return;
    }
    const { knowledge } = deps.knowledge.current();

    if (intent.data.kind === 'edit') {
      const { ref } = intent.data;
      const record = await c.entries.get(teamId, module, ref.id);
      if (record === undefined || record.status === 'removed' || record.status === 'rejected') {
        await fail('This entry is no longer there: it was removed or not accepted.');
        return;
      }
      if (!mayChangeEntry(deps.config.hireAdmins, userId, record)) {
        await fail('Only whoever added this entry, or an admin, may change it.');
        return;
      }
      const parsed = parse(module, view.state.values, () => ref.id);
      if (!parsed.ok) return errors(parsed.errors);
      const collisions = entryCollisions(knowledge, parsed.entry);
      if (Object.keys(collisions).length > 0) return errors(collisions);
      const review =
        needsApproval(deps.config.hireAdmins) && !isEntryAdmin(deps.config.hireAdmins, userId);
      const saved = await c.entries.update({
        ...parsed.entry,
        teamId,
        by: userId,
        now: deps.clock.now(),
        review,
      });
      if (saved === undefined) {
        await fail('This entry was removed meanwhile.');
        return;
      }
      await ack(
        updated(
          review
            ? buildEntrySavedView('Sent for approval', changePendingText(saved))
            : buildEntrySavedView('Saved', 'Saved. Who changed it and when are kept.'),
        ),
      );
      await c.changed(teamId);
      if (review) await c.askAdmins(client, saved, 'edit');
      return;
    }

    // The id is made from the text, so the form is read twice: once to see the text.
    const draft = parse(module, view.state.values, () => 'draft');
    if (!draft.ok) return errors(draft.errors);
    const text =
      draft.entry.module === 'glossary' ? draft.entry.entry.name : draft.entry.entry.prompt;
    const id = await c.newId(teamId, module, text, knowledge);
    const parsed = parse(module, view.state.values, () => id);
    if (!parsed.ok) return errors(parsed.errors);
    const collisions = entryCollisions(knowledge, parsed.entry);
    if (Object.keys(collisions).length > 0) return errors(collisions);
    const record = await c.entries.add({
      ...parsed.entry,
      teamId,
      status: needsApproval(deps.config.hireAdmins) ? 'pending' : 'live',
      addedBy: userId,
      now: deps.clock.now(),
    });
    if (record === undefined) {
      await fail('Someone added an entry with this name a moment ago. Save again to add yours.');
      return;
    }
    const pending = record.status === 'pending';
    await ack(
      updated(
        buildEntrySavedView(
          pending ? 'Sent for approval' : 'Added',
          pending ? pendingText(record) : liveText(record),
        ),
      ),
    );
    await c.changed(teamId);
    if (pending) await c.askAdmins(client, record);
  };
}

const updated = (view: ModalView) => ({ response_action: 'update' as const, view });

function parse(
  module: TeamEntryModule,
  values: Parameters<typeof parseGlossaryForm>[0],
  id: () => string,
): { ok: true; entry: ModuleEntry } | { ok: false; errors: FieldErrors } {
  if (module === 'glossary') {
    const term = parseGlossaryForm(values, id);
    return term.ok ? { ok: true, entry: { module, entry: term.entry } } : term;
  }
  const question = parseQuestionForm(values, id);
  return question.ok ? { ok: true, entry: { module, entry: question.entry } } : question;
}
