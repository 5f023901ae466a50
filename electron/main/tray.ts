// Puts a TrayView on the real tray: icon, tooltip and a menu rebuilt only when the view's key changes.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { trayIconFileName, type TrayIconVariant } from './tray-icons/icon-art';
import type { TrayMenuItem, TrayView } from './tray-model';

export interface TrayActions {
  renew(target: string): void;
  openDashboard(): void;
  openWizard(): void;
  openPreferences(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

export interface TrayPresenterOptions {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  loadImage: (path: string) => NativeImage;
  iconFolder: string;
  variant: () => TrayIconVariant;
  actions: TrayActions;
}

export function menuTemplate(items: readonly TrayMenuItem[], actions: TrayActions): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: item.label, enabled: false };
      case 'renew':
        return { label: item.label, enabled: item.enabled, click: () => actions.renew(item.target) };
      case 'start-at-login':
        return {
          label: item.label,
          type: 'checkbox',
          checked: item.checked,
          click: (menuItem) => actions.setStartAtLogin(menuItem.checked),
        };
      case 'action': {
        const run = {
          'open-dashboard': actions.openDashboard,
          'open-wizard': actions.openWizard,
          'open-preferences': actions.openPreferences,
          quit: actions.quit,
        }[item.action];
        return { label: item.label, click: () => run() };
      }
    }
  });
}

export function createTrayPresenter(options: TrayPresenterOptions): {
  present(view: TrayView): boolean;
  refreshTheme(): void;
} {
  let shownKey: string | undefined;
  let shownIcon: string | undefined;
  let last: TrayView | undefined;
  const applyIcon = (view: TrayView) => {
    const file = `${options.iconFolder}/${trayIconFileName(view.icon, options.variant(), 1)}`;
    if (file === shownIcon) return;
    options.tray.setImage(options.loadImage(file));
    shownIcon = file;
  };
  return {
    present(view) {
      last = view;
      applyIcon(view);
      if (view.key === shownKey) return false;
      options.tray.setToolTip(view.tooltip);
      options.tray.setContextMenu(options.buildMenu(menuTemplate(view.menu, options.actions)));
      shownKey = view.key;
      return true;
    },
    refreshTheme() {
      if (last) applyIcon(last);
    },
  };
}
