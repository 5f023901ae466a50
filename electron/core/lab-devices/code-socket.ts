// The CLI's way to a lab device's code without reading any secret: the running app serves a local socket private
// to the user (app-state's local-socket: a private 0700 folder, limits, one request line). The answers carry codes
// and metadata, never a secret; an import request carries a secret *to* the app, which seals it like the device
// screen does.
import * as z from 'zod';
import {
  localSocketPath,
  requestLocalSocket,
  startLocalSocketServer,
  type LocalSocketLimits,
  type LocalSocketServer,
  type LocalSocketSpec,
} from '../app-state';

const MAX_REQUEST_BYTES = 1024 * 1024; // a QR PNG fits easily
export type LabSocketLimits = Pick<LocalSocketLimits, 'idleTimeoutMs' | 'maxConnections'>;

export const LAB_SOCKET_LIMITS: LabSocketLimits = { idleTimeoutMs: 10_000, maxConnections: 16 };
const LAB_SOCKET: LocalSocketSpec = {
  folder: 'lab-socket',
  file: 'lab-codes.sock',
  pipePrefix: 'mfa-tray',
  serves: 'lab device codes',
};

export function labSocketPath(stateDir: string, platform: NodeJS.Platform = process.platform): string {
  return localSocketPath(stateDir, LAB_SOCKET, platform);
}

const serial = z.string().min(1).max(256);
const LabSocketRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('code'), serial }),
  z.object({ op: z.literal('list') }),
  z.object({ op: z.literal('remove'), serial }),
  z.object({
    op: z.literal('import'),
    serial,
    input: z.discriminatedUnion('format', [
      z.object({ format: z.literal('otpauth-uri'), text: z.string().max(2048) }),
      z.object({ format: z.literal('base32'), text: z.string().max(512) }),
      z.object({ format: z.literal('qr-png'), base64: z.string().max(MAX_REQUEST_BYTES) }),
    ]),
    label: z.string().max(128).optional(),
    acceptWeakStore: z.boolean(),
  }),
]);
export type LabSocketRequest = z.infer<typeof LabSocketRequestSchema>;

/** Every answer: ok + message, plus the operation's data (a code, a device list). Never a secret. */
export interface LabSocketResponse {
  ok: boolean;
  message: string;
  kind?: string;
  currentCode?: string;
  secondsLeft?: number;
  devices?: Array<{ serial: string; label: string; state: string; note: string; sessions: string[] }>;
  store?: { kind: string; name: string; message: string };
}

/** Every answer: ok + message, plus the operation's data (a code, a device list). Never a secret. */
export interface LabSocketResponse {
  ok: boolean;
  message: string;
  kind?: string;
  currentCode?: string;
  secondsLeft?: number;
  devices?: Array<{ serial: string; label: string; state: string; note: string; sessions: string[] }>;
  store?: { kind: string; name: string; message: string };
}

export type LabSocketHandler = (request: LabSocketRequest) => Promise<LabSocketResponse>;

export type LabSocketServer = LocalSocketServer;

/** Serves `handle` on the state folder's socket. Fails when another MFA Tray already serves it. */
export function startLabSocketServer(
  stateDir: string,
  handle: LabSocketHandler,
  platform: NodeJS.Platform = process.platform,
  limits: LabSocketLimits = LAB_SOCKET_LIMITS,
): Promise<LabSocketServer> {
  return startLocalSocketServer<LabSocketRequest, LabSocketResponse>(stateDir, {
    spec: LAB_SOCKET,
    schema: LabSocketRequestSchema,
    handle: (request) => handle(request),
    refusal: (message) => ({ ok: false, message }),
    limits: { ...limits, maxRequestBytes: MAX_REQUEST_BYTES },
    platform,
  });
}

/** Sends one request to the running app. Throws AppNotRunningError when nothing serves the socket. */
export async function requestLabSocket(
  stateDir: string,
  request: LabSocketRequest,
  timeoutMs = 65_000,
): Promise<LabSocketResponse> {
  return (await requestLocalSocket(labSocketPath(stateDir), request, {
    notRunningAdvice: "Start the MFA Tray app — it holds the lab device's secret — or type the code yourself.",
    idleTimeoutMs: timeoutMs,
  })) as LabSocketResponse;
}
