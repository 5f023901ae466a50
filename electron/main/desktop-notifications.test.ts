import type { NotificationConstructorOptions } from 'electron';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createDesktopNotifications } from './desktop-notifications';

class FakeNotification {
  readonly handlers = new Map<string, () => void>();
  shown = false;
  constructor(readonly options: NotificationConstructorOptions) {}
  on(event: string, handler: () => void): this {
    this.handlers.set(event, handler);
    return this;
  }
  show(): void {
    this.shown = true;
  }
}

function setup(supported = true) {
  const created: FakeNotification[] = [];
  const opened: string[] = [];
  const display = createDesktopNotifications({
    isSupported: () => supported,
    create: (options) => {
      const notification = new FakeNotification(options);
      created.push(notification);
      return notification as never;
    },
    open: (target) => opened.push(target),
  });
  return { display, created, opened };
}

describe('desktop notifications', () => {
  it('shows the title and body with a Renew button; a click or the button opens the session', () => {
    const { display, created, opened } = setup();
    display.show({ title: 'MFA session expired', body: 'A has expired.', target: 'A' });
    display.show({ title: 'MFA session expired', body: 'B has expired.', target: 'B' });
    expect(created.map((n) => [n.options.title, n.options.body, n.options.actions, n.shown])).toEqual([
      ['MFA session expired', 'A has expired.', [{ type: 'button', text: 'Renew' }], true],
      ['MFA session expired', 'B has expired.', [{ type: 'button', text: 'Renew' }], true],
    ]);
    created[0]!.handlers.get('click')!();
    created[1]!.handlers.get('action')!();
    expect(opened).toEqual(['A', 'B']);
  });

  it('shows nothing where the platform has no notifications', () => {
    const { display, created } = setup(false);
    display.show({ title: 't', body: 'b', target: 'A' });
    expect(created).toEqual([]);
  });

  // Electron drops the click of a collected notification; a WeakRef per fake tells whether the module still holds it.
  it('keeps every shown notification from the garbage collector until it is clicked or replaced, not after', async () => {
    const { display, created } = setup();
    display.show({ title: 't', body: 'b', target: 'A' });
    display.show({ title: 't', body: 'b', target: 'B' });
    const refs = created.map((notification) => new WeakRef(notification));
    created.length = 0;
    await collectGarbage();
    expect(
      refs.map((ref) => ref.deref() !== undefined),
      'both kept while unclicked',
    ).toEqual([true, true]);

    refs[0]!.deref()!.handlers.get('click')!();
    display.show({ title: 't2', body: 'b2', target: 'B' });
    const newest = new WeakRef(created[0]!);
    created.length = 0;
    await collectGarbage();
    expect(
      refs.map((ref) => ref.deref() !== undefined),
      'clicked and replaced ones released',
    ).toEqual([false, false]);
    expect(newest.deref(), 'the newest for B is kept').toBeDefined();
  });
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function collectGarbage(): Promise<void> {
  // A WeakRef's target stays alive until the current job ends; let it end, then collect.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}
