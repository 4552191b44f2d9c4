import { describe, expect, it } from 'vitest';
import { fileDownloadOrigins } from '../../../../src/features/resume-flags/attachments/download-origins.js';

describe('fileDownloadOrigins', () => {
  it("allows only Slack's file host for Slack's own or any other remote Web API URL", () => {
    for (const apiUrl of [
      'https://slack.com/api/',
      'https://proxy.example.com/api/',
      'http://127.0.0.1.example.com/api/',
      'not a url',
    ]) {
      expect(fileDownloadOrigins(apiUrl)).toEqual(['https://files.slack.com']);
    }
  });

  it("adds a loopback Web API URL's own origin (the loopback Slack serves files there)", () => {
    expect(fileDownloadOrigins('http://127.0.0.1:4321/api/')).toEqual([
      'https://files.slack.com',
      'http://127.0.0.1:4321',
    ]);
    expect(fileDownloadOrigins('http://localhost:80/api/')).toContain('http://localhost');
    expect(fileDownloadOrigins('http://[::1]:9000/api/')).toContain('http://[::1]:9000');
  });
});
