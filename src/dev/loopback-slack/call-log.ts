/** One Web API call as the loopback Slack received it. */
export type RecordedCall = {
  method: string;
  /** Arguments after parsing (JSON-string fields such as `blocks` decoded); not copied. */
  args: Record<string, unknown>;
  /** The token used (Authorization header or `token` argument), if any. */
  token: string | undefined;
  /** Epoch milliseconds when the call arrived. */
  at: number;
  /** What the loopback answered: `ok` or the error code. */
  outcome?: string;
};

/**
 * The list of calls, kept lean on purpose: benchmarks push tens of thousands of calls
 * through it, so entries share the parsed arguments instead of copying them.
 */
export class CallLog {
  readonly calls: RecordedCall[] = [];

  record(call: RecordedCall): RecordedCall {
    this.calls.push(call);
    return call;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }
}
