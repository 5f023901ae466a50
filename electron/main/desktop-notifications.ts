// Shows the notifier's notifications with Electron's Notification. Electron holds a shown notification only
// weakly: once the JS object is garbage-collected its click never arrives (electron/electron#16922), so each one
// is kept until it is clicked or a newer one for the same session replaces it. Not on 'close': on Windows that
// fires when the toast times out while it still sits, clickable, in the Action Center.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { MfaNotification } from './notifier';

type ShownNotification = Pick<Notification, 'on' | 'show'>;

export interface DesktopNotificationsDeps {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): ShownNotification;
  /** A click or its Renew button: open the token dialog for this session. */
  open(target: string): void;
}

export function createDesktopNotifications(deps: DesktopNotificationsDeps): {
  show(notification: MfaNotification): void;
} {
  const kept = new Map<string, ShownNotification>();
  return {
    show({ title, body, target }) {
      if (!deps.isSupported()) return;
      const notification = deps.create({ title, body, actions: [{ type: 'button', text: 'Renew' }] });
      const open = () => {
        if (kept.get(target) === notification) kept.delete(target);
        deps.open(target);
      };
      notification.on('click', open);
      notification.on('action', open);
      kept.set(target, notification);
      notification.show();
    },
  };
}
