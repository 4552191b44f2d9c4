import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc } from '../../../kernel/slack/blocks/text.js';

const MARK = { green: ':large_green_circle:', yellow: ':large_yellow_circle:' } as const;

function flagLine(flag: ResumeFlag): string {
  return `${MARK[flag.kind]} *${esc(flag.name)}* — ${esc(flag.why)}\n      _Ask:_ ${esc(flag.ask)}`;
}

/** Green and yellow resume flags, with the question to ask about each. */
export function buildFlagsMessage(flags: ResumeFlag[], delivery: Delivery): SlackMessage {
  const green = flags.filter((f) => f.kind === 'green');
  const yellow = flags.filter((f) => f.kind === 'yellow');
  return buildHireMessage(
    {
      title: 'Resume flags',
      fallback: `Resume flags: ${green.length} green, ${yellow.length} yellow.`,
      notice: 'Use the *Flag resume concerns* message shortcut on a pasted resume to check one.',
      items: [
        ...(green.length > 0 ? [sections('*Green flags* — signs of real backend work')] : []),
        ...green.map((f) => sections(flagLine(f))),
        ...(yellow.length > 0
          ? [sections('*Yellow flags* — worth a question, not a rejection')]
          : []),
        ...yellow.map((f) => sections(flagLine(f))),
      ],
    },
    delivery,
  );
}
