// The app process's side of the harness connection (Node's IPC channel to the test process). While the app runs
// the channel is referenced, like Electron's own message loop; after quit it is released, so the process ends by
// itself only if main closed everything it opened (the harness reports whatever still holds it).
import type { AppCommand, FromApp, ToApp } from './protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const pending = new Map<number, Pending>();
let nextCallId = 1;
let commandHandler: ((command: AppCommand) => unknown) | undefined;
let invokeHandler:
  | ((message: Extract<ToApp, { type: 'invoke' }>) => Promise<{ ok: boolean; value?: unknown; message?: string }>)
  | undefined;

if (!process.send) throw new Error('The fake electron runs only in a process started by the harness (no IPC channel).');

export function post(message: FromApp): void {
  process.send?.(message);
}

/** Asks the harness (e.g. to load a page) and waits for its answer. */
export function request(message: Omit<Extract<FromApp, { type: 'window-load' }>, 'callId'>): Promise<unknown> {
  const callId = nextCallId++;
  return new Promise((resolve, reject) => {
    pending.set(callId, { resolve, reject });
    post({ ...message, callId } as FromApp);
  });
}

export function onCommand(handler: (command: AppCommand) => unknown): void {
  commandHandler = handler;
}

export function onInvoke(handler: NonNullable<typeof invokeHandler>): void {
  invokeHandler = handler;
}

const reply = (callId: number, outcome: Promise<unknown>) =>
  outcome.then(
    (value) => post({ type: 'reply', callId, ok: true, value }),
    (error: unknown) => post({ type: 'reply', callId, ok: false, message: String(error) }),
  );

process.on('message', (raw) => {
  const message = raw as ToApp;
  if (message.type === 'reply') {
    const waiter = pending.get(message.callId);
    pending.delete(message.callId);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.message));
  } else if (message.type === 'command') {
    void reply(
      message.callId,
      (async () => {
        if (!commandHandler) throw new Error('the app is not listening for commands yet');
        return commandHandler(message.command);
      })(),
    );
  } else {
    void (async () => {
      const outcome = invokeHandler
        ? await invokeHandler(message)
        : { ok: false, message: `Error: No handler registered for '${message.channel}'` };
      post({ type: 'reply', callId: message.callId, ...outcome });
    })();
  }
});

/** The app quit or exited: stop holding the process; report what still does if it has not ended soon. */
export function release(): void {
  process.channel?.unref();
  const report = setTimeout(() => {
    post({ type: 'lingering', resources: process.getActiveResourcesInfo() });
  }, 1_500);
  report.unref();
}
