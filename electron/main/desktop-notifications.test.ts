import type { NotificationConstructorOptions } from 'electron';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as timers from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { activationArguments, activationTarget, createDesktopNotifications } from './desktop-notifications';

class FakeNotification {
  readonly handlers = new Map<string, (event?: unknown, error?: string) => void>();
  shown = false;
  constructor(readonly options: NotificationConstructorOptions) {}
  on(event: string, handler: (event?: unknown, error?: string) => void): this {
    this.handlers.set(event, handler);
    return this;
  }
  show(): void {
    this.shown = true;
  }
}

function setup(supported = true, platform: NodeJS.Platform = 'linux') {
  const created: FakeNotification[] = [];
  const opened: string[] = [];
  const unavailable: string[] = [];
  const display = createDesktopNotifications({
    platform,
    isSupported: () => supported,
    create: (options) => {
      const notification = new FakeNotification(options);
      created.push(notification);
      return notification as never;
    },
    open: (target) => opened.push(target),
    unavailable: (notification, reason) => unavailable.push(`${notification.target}: ${reason}`),
  });
  return { display, created, opened, unavailable };
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

  it('hands the notification to the tray where the platform has no notifications', () => {
    const { display, created, unavailable } = setup(false);
    display.show({ title: 't', body: 'b', target: 'A' });
    expect(created).toEqual([]);
    expect(unavailable).toEqual(['A: this desktop shows no notifications']);
  });

  it("hands the notification to the tray when it fails to show (macOS refuses an unsigned app's)", () => {
    const { display, created, unavailable, opened } = setup(true, 'darwin');
    display.show({ title: 't', body: 'b', target: 'A' });
    created[0]!.handlers.get('failed')!({}, 'Notifications are not allowed for this application');
    expect(unavailable).toEqual(['A: Notifications are not allowed for this application']);
    expect(opened).toEqual([]);
  });

  it('on Windows puts the session into the toast and opens it from the activation, even after a restart', () => {
    const { display, created, opened } = setup(true, 'win32');
    display.show({ title: 'Expires <soon> & "now"', body: "B's session", target: 'My Profile&x' });
    const xml = created[0]!.options.toastXml!;
    expect(created[0]!.options.title).toBeUndefined();
    expect(xml).toContain('<text>Expires &lt;soon&gt; &amp; &quot;now&quot;</text><text>B&apos;s session</text>');
    const launch = /<toast launch="([^"]*)"/.exec(xml)![1]!.replace(/&amp;/g, '&');
    expect(launch).toBe(activationArguments('My Profile&x'));
    expect(created[0]!.handlers.has('click'), 'activation is the one click path on Windows').toBe(false);
    // A fresh module, as after a restart: only the toast's arguments are left.
    const restarted = setup(true, 'win32');
    restarted.display.activate({ type: 'click', arguments: launch });
    restarted.display.activate({ type: 'action', actionIndex: 0, arguments: launch });
    restarted.display.activate({ type: 'click', arguments: 'something-else' });
    expect(restarted.opened).toEqual(['My Profile&x', 'My Profile&x']);
    expect(opened).toEqual([]);
    expect(activationTarget({ arguments: activationArguments('A') })).toBe('A');
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
  await timers.setTimeout(0);
  gc();
}
