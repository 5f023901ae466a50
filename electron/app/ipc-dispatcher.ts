// The one gate every IPC call passes: known channel, trusted sender, request valid against the contract, and the
// response checked against its schema on the way out. Pure, so the Electron main process and the renderer's
// Playwright harness share it and differ only in transport.
import { invokeContract, type InvokeName } from '../shared/contract';
import { errorMessage } from '../shared/error-message';
import type { OperationHandlers } from './ipc-handlers';
import type { ServiceLog } from './ports';

export type SenderCheck = { trusted: true; senderId: number } | { trusted: false; reason: string };

/** Thrown back to the caller; its message is deliberately generic (the reason goes to the log). */
export class IpcRejectedError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'IpcRejectedError';
  }
}

export interface IpcDispatcher {
  /** Every channel of the contract, for registering handlers. */
  readonly channels: readonly string[];
  dispatch(channel: string, sender: SenderCheck, rawPayload: unknown): Promise<unknown>;
}

const operationByChannel: ReadonlyMap<string, InvokeName> = new Map(
  (Object.keys(invokeContract) as InvokeName[]).map((name) => [invokeContract[name].channel, name]),
);

export function createIpcDispatcher(handlers: OperationHandlers, log: ServiceLog): IpcDispatcher {
  function reject(channel: string, publicMessage: string, reason: string): never {
    log.warn('IPC call rejected', { channel, reason });
    throw new IpcRejectedError(publicMessage, reason);
  }

  return {
    channels: [...operationByChannel.keys()],
    async dispatch(channel, sender, rawPayload) {
      const name = operationByChannel.get(channel);
      if (!name)
        return reject(
          channel,
          'Unknown operation.',
          `no operation has the channel ${JSON.stringify(channel).slice(0, 80)}`,
        );
      if (!sender.trusted) return reject(channel, 'Rejected: the sender is not an MFA Tray window.', sender.reason);
      const contract = invokeContract[name];
      const request = contract.request.safeParse(rawPayload);
      if (!request.success) {
        // Only paths and zod's messages are logged, never the values (a payload may hold a code).
        const issues = request.error.issues
          .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
          .join('; ');
        return reject(channel, `Rejected: invalid request for ${name}: ${issues}`, `malformed payload: ${issues}`);
      }
      const handler = handlers[name] as (request: unknown, caller: { senderId: number }) => Promise<unknown>;
      let response: unknown;
      try {
        response = await handler(request.data, { senderId: sender.senderId });
      } catch (error) {
        log.error('IPC operation failed', { channel, error: errorMessage(error) });
        throw new Error(error instanceof Error ? error.message : `${name} failed.`, { cause: error });
      }
      const checked = contract.response.safeParse(response);
      if (!checked.success) {
        log.error('IPC response does not match the contract', {
          channel,
          issues: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        });
        throw new Error(`${name} produced an invalid response; the log has the details.`);
      }
      // The parsed value, not the raw one: zod drops any key the schema does not name.
      return checked.data;
    },
  };
}
