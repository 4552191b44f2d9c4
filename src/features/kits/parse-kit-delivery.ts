import { MAX_PANEL } from './kit-request.js';

/** Where `/hire kit` was asked to send the kit; `here` is the channel the command came from. */
export type KitDeliveryAsked =
  | { kind: 'private' }
  | { kind: 'channel'; channel: 'here' | string; inThread: boolean };

export type KitDeliveryError =
  | { kind: 'two-channels' }
  | { kind: 'panel-too-big'; count: number; max: number }
  /** `to #hiring` typed as plain text: Slack sent a name, not a channel it links. */
  | { kind: 'channel-name'; given: string }
  /** `with @alex` typed as plain text: Slack sent a name, not a person it links. */
  | { kind: 'person-name'; given: string };

export type KitDeliveryParse =
  | { ok: true; kitText: string; to: KitDeliveryAsked; panel: string[] }
  | { ok: false; error: KitDeliveryError };

const USER = /(?:(?:^|\s)(?:with|panel|and)\b:?\s*|,\s*)?<@([UW][A-Z0-9]{2,40})(?:\|[^>]*)?>/gi;
const CHANNEL = /(?:(?:^|\s)(?:to|in|into)\s+)?<#([CG][A-Z0-9]{2,40})(?:\|[^>]*)?>/gi;
const HERE = /(?:^|\s)(?:(?:to|in|into)\s+(?:here|(?:this|the)\s+channel|channel)|here$)(?=\s|$)/gi;
const THREAD = /(?:^|\s)(?:(?:in|as|into)\s+(?:a\s+|its\s+own\s+|the\s+)?)?thread(?:ed)?(?=\s|$)/gi;
const CHANNEL_NAME = /(?:^|\s)(?:to|in|into)\s+(#[\w.-]+)/i;
const PERSON_NAME = /(?:^|\s)with\s+(@[\w.-]+)/i;

/**
 * Splits the delivery clauses off the text after `/hire kit`, leaving the kit itself for
 * parse-kit-command:
 * - `to #channel` (a channel Slack links: `<#C…|name>`), `to here` / `in this channel`: post
 *   it in that channel for the panel;
 * - `in a thread` (with or without a channel; alone it means this channel): post it in a
 *   thread of its own, where the panel's progress then goes;
 * - `with @alex @sam` (people Slack links: `<@U…>`): the panel, each sent their questions.
 * The clauses may stand anywhere, also after the candidate label. Never throws.
 */
export function parseKitDelivery(text: string): KitDeliveryParse {
  const panel: string[] = [];
  const channels = new Set<string>();
  let here = false;
  let inThread = false;
  const rest = String(text ?? '')
    .replace(USER, (_, id: string) => {
      panel.push(id.toUpperCase());
      return ' ';
    })
    .replace(CHANNEL, (_, id: string) => {
      channels.add(id.toUpperCase());
      return ' ';
    })
    .replace(HERE, () => {
      here = true;
      return ' ';
    })
    .replace(THREAD, () => {
      inThread = true;
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();

  const typedChannel = CHANNEL_NAME.exec(rest)?.[1];
  if (typedChannel !== undefined)
    return { ok: false, error: { kind: 'channel-name', given: typedChannel } };
  const typedPerson = PERSON_NAME.exec(rest)?.[1];
  if (typedPerson !== undefined)
    return { ok: false, error: { kind: 'person-name', given: typedPerson } };
  if (channels.size + (here ? 1 : 0) > 1) return { ok: false, error: { kind: 'two-channels' } };
  const members = [...new Set(panel)];
  if (members.length > MAX_PANEL) {
    return { ok: false, error: { kind: 'panel-too-big', count: members.length, max: MAX_PANEL } };
  }
  const [channel] = channels;
  const to: KitDeliveryAsked =
    channel !== undefined || here || inThread
      ? { kind: 'channel', channel: channel ?? 'here', inThread }
      : { kind: 'private' };
  return { ok: true, kitText: rest, to, panel: members };
}
