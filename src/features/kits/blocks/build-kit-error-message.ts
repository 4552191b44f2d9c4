import { context, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { DEFAULT_KIT_MINUTES, KIT_LENGTHS } from '../kit-request.js';
import type { KitCommandError } from '../parse-kit-command.js';
import type { KitDeliveryError } from '../parse-kit-delivery.js';
import type { PlanKitError } from '../plan-kit.js';
import { command, esc } from './kit-text.js';

const USAGE = `Usage: ${command('kit <level> [minutes] [areas…] [for <candidate label>] [to #channel] [in a thread] [with @people]')}, e.g. ${command('kit senior 60 system design databases for Backend #42')}. A label such as “Backend #42” is enough: no names. Without a channel the kit comes privately to you.`;

const given = (text: string) => `“${esc(truncate(text, 60))}”`;
const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? '' : ` Did you mean *${esc(suggestion)}*?`;

/** The answer's first line: what was wrong, what is accepted, and the nearest accepted value. */
export type KitError = KitCommandError | KitDeliveryError | PlanKitError;

export function describeKitError(error: KitError, areaNames?: ReadonlyMap<string, string>): string {
  switch (error.kind) {
    case 'missing-level':
      return `Which level is the interview for? Levels: ${error.levels.map((l) => `*${esc(l.id)}* (${esc(l.name)})`).join(', ')}.`;
    case 'unknown-level':
      return `${given(error.given)} is not a level I know.${didYouMean(error.suggestion?.id)} Levels: ${error.levels.map((l) => esc(l.id)).join(', ')} (\`sr\`, \`5+ years\` and the like work too).`;
    case 'bad-minutes':
      return `${given(error.given)} is not a kit length. Kits run ${KIT_LENGTHS.join(', ')} minutes (${DEFAULT_KIT_MINUTES} when you leave it out).${didYouMean(error.suggestion === undefined ? undefined : `${error.suggestion}`)}`;
    case 'unknown-area':
      return `${given(error.given)} is not a question area.${didYouMean(error.suggestion?.name)} Areas: ${error.areas.map((a) => esc(a.name)).join(', ')}. A candidate label goes after *for*.`;
    case 'bad-label':
      return esc(error.problem);
    case 'bad-seed':
      return `${given(error.given)} is not a kit seed: use the "Same kit again" button, or leave the seed out for a fresh kit.`;
    case 'too-long':
      return `That is ${error.length} characters; a kit command fits in ${error.max}.`;
    case 'two-channels':
      return 'A kit goes to one channel at a time: name one channel, or `to here` for this one.';
    case 'panel-too-big':
      return `That is ${error.count} people; a panel holds at most ${error.max}. Split the questions over a smaller panel.`;
    case 'channel-name':
      return `I can't tell which channel ${given(error.given)} is. Pick it from Slack's suggestions as you type # (it then shows as a link), or run the command in that channel with \`to here\`.`;
    case 'person-name':
      return `I can't tell who ${given(error.given)} is. Pick people from Slack's suggestions as you type @ (they then show as links), or use the "Build interview kit" shortcut to choose the panel.`;
    case 'no-questions': {
      const names = error.areas.map((a) => esc(areaNames?.get(a) ?? a)).join(', ');
      return `No ${esc(error.level)} questions in ${names || 'any area'} yet. Try other areas, or none for a balanced kit.`;
    }
  }
}

/** A refused `/hire kit`, privately: what was wrong and how to ask instead. Changes nothing. */
export function buildKitErrorMessage(
  error: KitError,
  areaNames?: ReadonlyMap<string, string>,
): SlackMessage {
  const problem = describeKitError(error, areaNames);
  return {
    response_type: 'ephemeral',
    text: problem,
    blocks: [...sections(`:warning: ${problem}`), context(USAGE)],
  };
}
