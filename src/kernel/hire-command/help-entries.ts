/** The /hire usage table, shared by the help answer (and the README's command table). */
export const HELP_ENTRIES: readonly { usage: string; example: string; what: string }[] = [
  {
    usage: 'glossary [term]',
    example: 'glossary Kafka',
    what: 'What a term means, how it shows on a resume, a probing question. Also `define …`, `what is …`.',
  },
  {
    usage: 'questions <level> [area]',
    example: 'questions senior databases',
    what: 'Interview questions with what to look for, red flags and follow-ups. Levels: jr, mid, sr, staff+ (or years: 5+ years).',
  },
  {
    usage: 'levels [level]',
    example: 'levels mid-level',
    what: 'What each level can do and is growing toward.',
  },
  {
    usage: 'expectations [aspect]',
    example: 'expectations on-call',
    what: 'What engineers expect from you, and what breaks their trust.',
  },
  { usage: 'flags', example: 'flags', what: 'Green and yellow resume flags.' },
  {
    usage: 'flags recent',
    example: 'flags recent',
    what: 'Resumes recently checked in this channel (Slack only).',
  },
  {
    usage: 'mistakes',
    example: 'mistakes',
    what: 'Common hiring mistakes and what to do instead.',
  },
  {
    usage: 'sources [language]',
    example: 'sources go',
    what: 'Where to find backend engineers; talent pools by language.',
  },
  { usage: 'market', example: 'market', what: 'Salary range, hiring difficulty, time to hire.' },
  { usage: 'compare', example: 'compare', what: 'Backend specialist or full-stack engineer?' },
  {
    usage: 'skills [skill]',
    example: 'skills api design',
    what: 'Core technical skills to evaluate.',
  },
  {
    usage: 'search <words>',
    example: 'search outage',
    what: 'Look through everything, grouped by section.',
  },
  {
    usage: 'remind …',
    example: 'remind daily 09:00',
    what: 'Daily interview-prep tips in this channel (Slack only).',
  },
  { usage: 'help', example: 'help', what: 'This list.' },
];
