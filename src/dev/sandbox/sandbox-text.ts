/** What the sandbox says at start: what it is, how to use it, how to connect a real Slack. */
export function bannerText(address: string): string {
  return `
hire-bot · local sandbox
  This is a local sandbox: nothing reaches Slack. The real bot runs against a stand-in
  Slack on this machine (${address}); you are @casey in #hiring.

  Try:  /hire glossary Kafka    /hire questions senior    /hire help
        /flag <pasted resume text>   runs the "Flag resume concerns" shortcut on that text
        /flag-file cv.pdf            the same on a message with that file attached
        /home    opens your Home tab;   /home <words>   searches from it
  Press a button by typing its label (Share in channel) or its number (1, 2, …).
  /submit sends an open form as it stands (/submit <text> fills its first text field),
  /cancel closes it, /help lists everything, /quit (or Ctrl-D) leaves.

  To connect a real workspace, create the Slack app from manifest.yml, then set
  SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode), or SLACK_BOT_TOKEN and
  SLACK_SIGNING_SECRET with SLACK_MODE=http, in the environment or .env (see README.md).
`;
}

export const HELP_TEXT = `
  /hire <text>        run a /hire command, e.g. /hire glossary Kafka
  /flag <text>        run "Flag resume concerns" on a message holding <text>
  /flag               the same for several lines: paste them, then a line with just .
  /flag-file <paths>  the same on a message carrying those files (PDF, .docx, .txt, .md)
  /home               open your Home tab (buttons there are pressed like any others)
  /home <words>       type <words> in the Home's search box and press Enter
  1, 2, … or a label  press a button of the last message that had buttons
  /submit [text]      submit the open form as shown; text goes into its first text field
  /cancel             close the open form
  /quit               leave (Ctrl-D does too)
`;
