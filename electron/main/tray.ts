// Puts a TrayView on the real tray: icon, tooltip and a menu rebuilt only when the view's key changes — and never
// while that menu is open (the countdown changes the key every minute; swapping an open menu closes or freezes it).
import type { Menu, MenuItemConstructorOptions, NativeImage, NativeTheme, Tray } from 'electron';
import { trayIconFileName, type TrayIconVariant } from './tray-icons/icon-art';
import type { TrayMenuItem, TrayView } from './tray-model';

export interface TrayActions {
  renew(target: string): void;
  /** One code for every MFA role of the device (the app service's openDeviceRolesDialog). */
  renewDeviceRoles(device: string): void;
  openDashboard(): void;
  openWizard(): void;
  openPreferences(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

/** What the presenter uses of a Menu: its open/close events. */
export interface TrayMenu {
  on(event: 'menu-will-show', listener: () => void): unknown;
  on(event: 'menu-will-close', listener: () => void): unknown;
}

export interface TrayPresenterOptions<M extends TrayMenu = Menu> {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'> & { setContextMenu(menu: M): void };
  buildMenu: (template: MenuItemConstructorOptions[]) => M;
  loadImage: (path: string) => NativeImage;
  iconFolder: string;
  variant: () => TrayIconVariant;
  actions: TrayActions;
  /** Platform items placed before the last separator (macOS: "Install mfa-tray command"). */
  extraItems?: MenuItemConstructorOptions[];
  /** Runs a deferred menu rebuild after the menu closed (the click on the closed menu's item is dispatched first). */
  defer?: (run: () => void) => void;
}

/** The icon sits on the taskbar or menu bar: it follows the system's theme there, not the app's. Windows lets the
 * two differ (a dark taskbar with light apps is its default), which shouldUseDarkColorsForSystemIntegratedUI tells. */
export function trayIconVariant(
  platform: NodeJS.Platform,
  theme: Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>,
): TrayIconVariant {
  if (platform === 'darwin') return 'template';
  const darkBar = platform === 'win32' ? theme.shouldUseDarkColorsForSystemIntegratedUI : theme.shouldUseDarkColors;
  return darkBar ? 'dark' : 'light';
}

/** A notification that could not be shown (unsigned macOS app, notifications off): the tray says it instead. */
export interface TrayAttention {
  target: string;
  /** The first menu item, e.g. "⚠ MyRepositoryAssumer expires in 10 min — Renew…". */
  label: string;
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
      case 'renew-device-roles':
        return { label: item.label, enabled: item.enabled, click: () => actions.renewDeviceRoles(item.device) };
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

export function createTrayPresenter<M extends TrayMenu = Menu>(
  options: TrayPresenterOptions<M>,
): {
  present(view: TrayView): boolean;
  refreshTheme(): void;
  /** Shows (or clears) the attention item and the menu-bar title until the user acts on it. */
  setAttention(attention: TrayAttention | undefined): void;
} {
  const defer = options.defer ?? ((run: () => void) => void setTimeout(run, 0));
  let shownKey: string | undefined;
  let shownIcon: string | undefined;
  let last: TrayView | undefined;
  let attention: TrayAttention | undefined;
  let menuOpen = false;
  const applyIcon = (view: TrayView) => {
    const file = `${options.iconFolder}/${trayIconFileName(view.icon, options.variant(), 1)}`;
    if (file === shownIcon) return;
    options.tray.setImage(options.loadImage(file));
    shownIcon = file;
  };
  const keyOf = (view: TrayView) => JSON.stringify([view.key, attention]);
  const applyMenu = (view: TrayView): boolean => {
    const key = keyOf(view);
    if (key === shownKey) return false;
    options.tray.setToolTip(attention ? `⚠ ${view.tooltip}`.slice(0, 127) : view.tooltip);
    if (menuOpen) return false;
    const items = menuTemplate(view.menu, options.actions);
    const lastSeparator = items.findLastIndex((item) => item.type === 'separator');
    if (options.extraItems?.length)
      items.splice(lastSeparator === -1 ? items.length : lastSeparator, 0, ...options.extraItems);
    const template: MenuItemConstructorOptions[] = attention
      ? [{ label: attention.label, click: acknowledge(attention) }, { type: 'separator' }, ...items]
      : items;
    const menu = options.buildMenu(template);
    menu.on('menu-will-show', () => (menuOpen = true));
    menu.on('menu-will-close', () => {
      menuOpen = false;
      defer(() => {
        if (last) applyMenu(last);
      });
    });
    options.tray.setContextMenu(menu);
    shownKey = key;
    return true;
  };
  const acknowledge = (shown: TrayAttention) => () => {
    options.actions.renew(shown.target);
    if (attention === shown) setAttention(undefined);
  };
  const setAttention = (next: TrayAttention | undefined) => {
    attention = next;
    options.tray.setTitle(next ? 'Renew' : '');
    if (last) applyMenu(last);
  };
  return {
    present(view) {
      last = view;
      applyIcon(view);
      return applyMenu(view);
    },
    refreshTheme() {
      if (last) applyIcon(last);
    },
    setAttention,
  };
}
