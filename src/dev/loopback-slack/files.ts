/**
 * Files in the loopback workspace: what a message's `files[]` and `files.info` say about them,
 * and the private URLs that serve their bytes to a bearer of the bot token. Downloads are
 * recorded (who, which file, which token, what answer) without the bytes.
 */
import type { Workspace } from './workspace.js';

export type FileMode = 'hosted' | 'snippet' | 'external' | 'tombstone';

/** What a bad or missing token gets: Slack's 401, or its quirk, a sign-in page with 200. */
export type UnauthorizedAnswer = 'status_401' | 'sign_in_page';

export type LoopbackFileInput = {
  /** File name, e.g. `resume.pdf`; mimetype and filetype follow from its extension. */
  name: string;
  title?: string;
  mimetype?: string;
  /** Slack's short type: `pdf`, `docx`, `text`, `markdown`, `png`, `zip`, … */
  filetype?: string;
  /** The content (a string is stored as UTF-8). */
  bytes?: Uint8Array | string;
  /** The size Slack reports; defaults to the byte count (set it to make Slack's figure lie). */
  size?: number;
  /** Default `hosted`; `tombstone` = deleted; `external` = a link to another service. */
  mode?: FileMode;
  /** `check_file_info`: the message shows only the id, as in Slack Connect; ask files.info. */
  fileAccess?: 'visible' | 'check_file_info';
  /** Who uploaded it (default the workspace's default user). */
  user?: string;
  /** For external files: the service (default `gdrive`). */
  externalType?: string;
  /** Overrides the workspace's answer to a download without the right token. */
  unauthorized?: UnauthorizedAnswer;
  id?: string;
};

export type LoopbackFile = {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  prettyType: string;
  bytes: Buffer;
  size: number;
  mode: FileMode;
  fileAccess: 'visible' | 'check_file_info';
  user: string;
  externalType?: string;
  unauthorized?: UnauthorizedAnswer;
  created: number;
  /** Access taken away: files.info answers file_not_found, downloads 404. */
  revoked: boolean;
};

export type RecordedDownload = {
  fileId: string;
  /** Which URL was used. */
  via: 'url_private' | 'url_private_download' | 'external';
  /** The bearer token sent, if any. */
  token: string | undefined;
  /** Whether the token opened the file (a bot token of this workspace, not revoked). */
  authorized: boolean;
  status: number;
  /** Bytes of the body sent (the content is not kept). */
  bytesSent: number;
  /** `file`, `sign_in_page`, `unauthorized`, `not_found`, `injected`. */
  outcome: 'file' | 'sign_in_page' | 'unauthorized' | 'not_found' | 'injected';
  at: number;
};

const TYPES: Record<string, { mimetype: string; filetype: string; pretty: string }> = {
  pdf: { mimetype: 'application/pdf', filetype: 'pdf', pretty: 'PDF' },
  docx: {
    mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    filetype: 'docx',
    pretty: 'Word Document',
  },
  doc: { mimetype: 'application/msword', filetype: 'doc', pretty: 'Word Document' },
  txt: { mimetype: 'text/plain', filetype: 'text', pretty: 'Plain Text' },
  md: { mimetype: 'text/markdown', filetype: 'markdown', pretty: 'Markdown (raw)' },
  png: { mimetype: 'image/png', filetype: 'png', pretty: 'PNG' },
  jpg: { mimetype: 'image/jpeg', filetype: 'jpg', pretty: 'JPEG' },
  zip: { mimetype: 'application/zip', filetype: 'zip', pretty: 'Zip' },
  html: { mimetype: 'text/html', filetype: 'html', pretty: 'HTML' },
};
const BINARY = { mimetype: 'application/octet-stream', filetype: 'binary', pretty: 'Binary' };

/** The page Slack serves instead of a file to someone not signed in (status 200). */
export const SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in | Slack</title>' +
  '</head><body><h1>Sign in to your workspace</h1><form action="/signin" method="post">' +
  '<input type="email" name="email"><button type="submit">Continue</button></form></body></html>';

export class FileStore {
  readonly files = new Map<string, LoopbackFile>();
  readonly downloads: RecordedDownload[] = [];
  /** The workspace-wide answer to a download without the right token. */
  unauthorizedAnswer: UnauthorizedAnswer;
  private readonly defaultUser: string;

  constructor(
    private readonly workspace: Workspace,
    private readonly baseUrl: () => string,
    private readonly now: () => number,
    options: { unauthorized?: UnauthorizedAnswer; defaultUser: string },
  ) {
    this.unauthorizedAnswer = options.unauthorized ?? 'status_401';
    this.defaultUser = options.defaultUser;
  }

  add(input: LoopbackFileInput): LoopbackFile {
    const extension = input.name.includes('.')
      ? (input.name.split('.').pop()?.toLowerCase() ?? '')
      : '';
    const known = TYPES[extension] ?? BINARY;
    const bytes =
      typeof input.bytes === 'string'
        ? Buffer.from(input.bytes, 'utf8')
        : Buffer.from(input.bytes ?? new Uint8Array());
    const file: LoopbackFile = {
      id: input.id ?? this.workspace.nextId('F'),
      name: input.name,
      title: input.title ?? input.name,
      mimetype: input.mimetype ?? known.mimetype,
      filetype: input.filetype ?? known.filetype,
      prettyType: known.pretty,
      bytes,
      size: input.size ?? bytes.length,
      mode: input.mode ?? 'hosted',
      fileAccess: input.fileAccess ?? 'visible',
      user: input.user ?? this.defaultUser,
      externalType: input.mode === 'external' ? (input.externalType ?? 'gdrive') : undefined,
      unauthorized: input.unauthorized,
      created: Math.floor(this.now() / 1000),
      revoked: false,
    };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): LoopbackFile | undefined {
    return this.files.get(id);
  }

  /** Takes the bot's access away: files.info answers file_not_found, downloads 404. */
  revoke(id: string): void {
    const file = this.files.get(id);
    if (file) file.revoked = true;
  }

  /** Deletes the file as Slack does: it stays on messages as a tombstone. */
  delete(id: string): void {
    const file = this.files.get(id);
    if (file) file.mode = 'tombstone';
  }

  private path(file: LoopbackFile, download: boolean): string {
    const name = encodeURIComponent(file.name);
    const prefix = `/files-pri/${this.workspace.teamId}-${file.id}`;
    return download ? `${prefix}/download/${name}` : `${prefix}/${name}`;
  }

  /** The full file object, as files.info answers it. */
  infoJson(file: LoopbackFile): Record<string, unknown> {
    const base = this.baseUrl();
    const external = file.mode === 'external';
    const json: Record<string, unknown> = {
      id: file.id,
      created: file.created,
      timestamp: file.created,
      name: file.name,
      title: file.title,
      mimetype: file.mimetype,
      filetype: file.filetype,
      pretty_type: file.prettyType,
      user: file.user,
      user_team: this.workspace.teamOf(file.user),
      editable: file.mode === 'snippet',
      size: file.size,
      mode: file.mode,
      is_external: external,
      external_type: file.externalType ?? '',
      is_public: true,
      public_url_shared: false,
      display_as_bot: false,
      username: '',
      url_private: external ? `${base}/external/${file.id}` : `${base}${this.path(file, false)}`,
      permalink: `https://${this.workspace.teamDomain}.slack/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
      file_access: 'visible',
      has_rich_preview: false,
    };
    // Slack gives external files (e.g. Google Drive) no download URL of its own.
    if (!external) json.url_private_download = `${base}${this.path(file, true)}`;
    return json;
  }

  /** The entry of a message's `files[]` for this file, as Slack shows it. */
  messageJson(file: LoopbackFile): Record<string, unknown> {
    if (file.mode === 'tombstone') return { id: file.id, mode: 'tombstone' };
    if (file.fileAccess === 'check_file_info') {
      // What Slack shows where the app must ask files.info (e.g. files shared via Slack Connect).
      return {
        id: file.id,
        mode: 'file_access',
        file_access: 'check_file_info',
        created: 0,
        timestamp: 0,
        user: '',
      };
    }
    return this.infoJson(file);
  }

  /** files.info: the file, or Slack's error code. */
  info(id: string): { file: LoopbackFile } | { error: 'file_not_found' | 'file_deleted' } {
    const file = this.files.get(id);
    if (!file || file.revoked) return { error: 'file_not_found' };
    if (file.mode === 'tombstone') return { error: 'file_deleted' };
    return { file };
  }

  /** Finds the file a private URL path points at (`/files-pri/T-F/…`, `/external/F`). */
  resolve(path: string): { file?: LoopbackFile; via: RecordedDownload['via']; fileId: string } {
    const external = /^\/external\/([^/]+)$/.exec(path);
    if (external?.[1]) {
      return { file: this.files.get(external[1]), via: 'external', fileId: external[1] };
    }
    const match = /^\/files-pri\/([^/-]+)-([^/]+)\/(download\/)?[^/]+$/.exec(path);
    const fileId = match?.[2] ?? '';
    const file = match?.[1] === this.workspace.teamId ? this.files.get(fileId) : undefined;
    return { file, via: match?.[3] ? 'url_private_download' : 'url_private', fileId };
  }

  record(download: RecordedDownload): void {
    this.downloads.push(download);
  }
}
