// What the CLI and the running app say to each other when a session has expired and no terminal can ask for a
// code: "show the token dialog for this session, for this caller", then a progress line ("waiting, up to N s")
// and one answer. No secret ever crosses the socket: after "renewed" the CLI reads the new keys from the AWS files.
import * as z from 'zod';
import type { LocalSocketLimits, LocalSocketSpec } from '../app-state';
import { ProfileNameSchema } from '../../shared/vocabulary';

/** Printable text without control characters (it is shown in the dialog), bounded. */
const shownText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]+$/u, 'no control characters');

export const CallerSchema = z.object({
  /** The program that ran the CLI: "git", "aws", "code", or "a program" when it cannot be told. */
  program: shownText(64),
  /** Its working folder, with the home folder shortened to ~. */
  folder: shownText(1024),
});
export type Caller = z.infer<typeof CallerSchema>;

export const PromptRequestSchema = z.object({
  op: z.literal('renew'),
  target: ProfileNameSchema,
  caller: CallerSchema,
});
export type PromptRequest = z.infer<typeof PromptRequestSchema>;

/** Sent once the dialog shows (or an earlier caller's dialog is joined): how long the app waits for the person. */
export const PromptProgressSchema = z.object({
  kind: z.literal('waiting'),
  waitSeconds: z.number().int().min(1).max(3600),
  /** Other callers already waited on the same device's dialog. */
  joined: z.boolean(),
});
export type PromptProgress = z.infer<typeof PromptProgressSchema>;

export const PromptAnswerSchema = z.object({
  /**
   * renewed: the session is valid now (read it from the files); cancelled: the person closed the dialog;
   * timeout: nobody answered within the wait; refused: the app cannot renew this session (message says why).
   */
  kind: z.enum(['renewed', 'cancelled', 'timeout', 'refused']),
  message: z.string().max(2048),
});
export type PromptAnswer = z.infer<typeof PromptAnswerSchema>;

export const PROMPT_SOCKET: LocalSocketSpec = {
  folder: 'prompt-socket',
  file: 'prompt.sock',
  pipePrefix: 'mfa-tray-prompt',
  serves: 'the MFA code prompt',
};

/**
 * The idle limit only runs until the request line is in; after it the app's own wait (the setting) bounds the
 * connection. 64 connections: a burst of git processes or an IDE's credential_process calls each hold one.
 */
export const PROMPT_SOCKET_LIMITS: LocalSocketLimits = {
  idleTimeoutMs: 10_000,
  maxConnections: 64,
  maxRequestBytes: 4096,
};
