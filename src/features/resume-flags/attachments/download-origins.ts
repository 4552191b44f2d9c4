import { SLACK_FILE_ORIGINS } from './read-resume-attachments.js';

/** Hosts that only this machine can answer on. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where the bot token may be sent to download a file: Slack's file host, plus the Web API's
 * own origin when that is on this machine (the loopback Slack of the tests and the sandbox
 * serves files there). A production API URL adds nothing, so a download URL taken from a
 * payload can never carry the token anywhere but Slack; a local API URL adds only a server
 * that already receives the token with every Web API call.
 */
export function fileDownloadOrigins(apiUrl: string): string[] {
  const origins: string[] = [...SLACK_FILE_ORIGINS];
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return origins;
  }
  if (LOOPBACK_HOSTS.has(url.hostname) && !origins.includes(url.origin)) origins.push(url.origin);
  return origins;
}
