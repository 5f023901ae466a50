// Shows the notifier's notifications with Electron's Notification. Electron holds a shown notification only
// weakly: once the JS object is garbage-collected its click never arrives (electron/electron#16922), so each one
// is kept until it is clicked or a newer one for the same session replaces it. Not on 'close': on Windows that
// fires when the toast times out while it still sits, clickable, in the Action Center.
// Windows: a toast clicked in the Action Center after the app restarted has no JS object at all; its click comes
// through Notification.handleActivation with the toast's `launch` arguments, so there the toast carries its session
// in them (toastXml) and activation is the one click path. A notification that cannot be shown (macOS ≥ Electron 42
// refuses unsigned apps and emits 'failed'; notifications turned off) is handed to the tray instead.
import type { ActivationArguments, Notification, NotificationConstructorOptions } from 'electron';
import type { MfaNotification } from './notifier';

type ShownNotification = Pick<Notification, 'on' | 'show'>;

export interface DesktopNotificationsDeps {
  platform: NodeJS.Platform;
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): ShownNotification;
  /** A click or its Renew button: open the token dialog for this session. */
  open(target: string): void;
  /** The notification could not be shown: the tray says it instead (presenter.setAttention). */
  unavailable(notification: MfaNotification, reason: string): void;
}

const ACTIVATION_PREFIX = 'mfa-tray:renew?';

export function activationArguments(target: string): string {
  return `${ACTIVATION_PREFIX}${new URLSearchParams({ target })}`;
}

/** The session a toast's activation names, or undefined for anything that is not one of our toasts. */
export function activationTarget(details: Pick<ActivationArguments, 'arguments'>): string | undefined {
  if (!details.arguments.startsWith(ACTIVATION_PREFIX)) return undefined;
  return new URLSearchParams(details.arguments.slice(ACTIVATION_PREFIX.length)).get('target') ?? undefined;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);

export function toastXml({ title, body, target }: MfaNotification): string {
  const args = xml(activationArguments(target));
  return (
    `<toast launch="${args}" activationType="foreground"><visual><binding template="ToastGeneric">` +
    `<text>${xml(title)}</text><text>${xml(body)}</text></binding></visual>` +
    `<actions><action content="Renew" arguments="${args}" activationType="foreground"/></actions></toast>`
  );
}

export function createDesktopNotifications(deps: DesktopNotificationsDeps): {
  show(notification: MfaNotification): void;
  /** Windows: pass to Notification.handleActivation (clicks and Renew buttons, before or after a restart). */
  activate(details: ActivationArguments): void;
} {
  const kept = new Map<string, ShownNotification>();
  const windows = deps.platform === 'win32';
  return {
    show(shown) {
      const { title, body, target } = shown;
      if (!deps.isSupported()) return deps.unavailable(shown, 'this desktop shows no notifications');
      const notification = deps.create(
        windows ? { toastXml: toastXml(shown) } : { title, body, actions: [{ type: 'button', text: 'Renew' }] },
      );
      const release = () => {
        if (kept.get(target) === notification) kept.delete(target);
      };
      if (!windows) {
        const open = () => {
          release();
          deps.open(target);
        };
        notification.on('click', open);
        notification.on('action', open);
      }
      notification.on('failed', (_event, error) => {
        release();
        deps.unavailable(shown, error);
      });
      kept.set(target, notification);
      notification.show();
    },
    activate(details) {
      const target = activationTarget(details);
      if (target === undefined) return;
      kept.delete(target);
      deps.open(target);
    },
  };
}
