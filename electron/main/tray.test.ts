import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTrayPresenter, menuTemplate, trayIconVariant, type TrayActions, type TrayMenu } from './tray';
import type { TrayView } from './tray-model';

class FakeMenu implements TrayMenu {
  readonly listeners = new Map<string, () => void>();
  constructor(readonly template: MenuItemConstructorOptions[]) {}
  on(event: 'menu-will-show' | 'menu-will-close', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  emit(event: 'menu-will-show' | 'menu-will-close'): void {
    this.listeners.get(event)?.();
  }
}

class FakeTray implements Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle'> {
  images: string[] = [];
  tooltips: string[] = [];
  titles: string[] = [];
  menus: MenuItemConstructorOptions[][] = [];
  shownMenu: FakeMenu | undefined;
  setImage(image: NativeImage | string): void {
    this.images.push(String(image));
  }
  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip);
  }
  setTitle(title: string): void {
    this.titles.push(title);
  }
  setContextMenu(menu: FakeMenu): void {
    this.shownMenu = menu;
    this.menus.push(menu.template);
  }
}

function recordingActions(calls: string[]): TrayActions {
  return {
    renew: (target) => calls.push(`renew ${target}`),
    renewDeviceRoles: (device) => calls.push(`renew roles of ${device}`),
    openDashboard: () => calls.push('dashboard'),
    openWizard: () => calls.push('wizard'),
    openPreferences: () => calls.push('preferences'),
    setStartAtLogin: (enabled) => calls.push(`login ${enabled}`),
    quit: () => calls.push('quit'),
  };
}

const view = (tooltip: string, icon: TrayView['icon'] = 'valid'): TrayView => ({
  icon,
  tooltip,
  menu: [{ type: 'renew', target: 'A', label: `Renew — A (${tooltip})`, enabled: true }],
  key: JSON.stringify([icon, tooltip]),
});

describe('the tray presenter', () => {
  it('rebuilds the menu only when the view changes, and swaps icons per state and theme', () => {
    const tray = new FakeTray();
    let variant: 'light' | 'dark' = 'light';
    const presenter = createTrayPresenter({
      tray,
      buildMenu: (template) => new FakeMenu(template),
      loadImage: (path) => path as unknown as NativeImage,
      iconFolder: '/icons',
      variant: () => variant,
      actions: recordingActions([]),
    });
    expect(presenter.present(view('A: 9 min left', 'expiring'))).toBe(true);
    expect(presenter.present(view('A: 9 min left', 'expiring'))).toBe(false);
    expect(presenter.present(view('A: expired', 'expired'))).toBe(true);
    variant = 'dark';
    presenter.refreshTheme();
    expect(tray.menus).toHaveLength(2);
    expect(tray.tooltips).toEqual(['A: 9 min left', 'A: expired']);
    expect(tray.images).toEqual([
      '/icons/tray-expiring-light.png',
      '/icons/tray-expired-light.png',
      '/icons/tray-expired-dark.png',
    ]);
  });

  it('wires each menu item to its action', () => {
    const calls: string[] = [];
    const template = menuTemplate(
      [
        { type: 'renew', target: 'MyRepositoryAssumer', label: 'Renew', enabled: true },
        { type: 'action', action: 'open-dashboard', label: 'Open MFA Tray' },
        { type: 'action', action: 'open-wizard', label: 'Set up' },
        { type: 'action', action: 'open-preferences', label: 'Preferences…' },
        { type: 'start-at-login', label: 'Start at login', checked: false },
        { type: 'action', action: 'quit', label: 'Quit' },
      ],
      recordingActions(calls),
    );
    const click = (index: number, checked = false) =>
      (template[index]!.click as (item: { checked: boolean }) => void)({ checked });
    [0, 1, 2, 3].forEach((index) => click(index));
    click(4, true);
    click(5);
    expect(calls).toEqual(['renew MyRepositoryAssumer', 'dashboard', 'wizard', 'preferences', 'login true', 'quit']);
  });
});

function presenterWithFakes(calls: string[] = []) {
  const tray = new FakeTray();
  const deferred: (() => void)[] = [];
  const presenter = createTrayPresenter({
    tray,
    buildMenu: (template) => new FakeMenu(template),
    loadImage: (path) => path as unknown as NativeImage,
    iconFolder: '/icons',
    variant: () => 'light',
    actions: recordingActions(calls),
    defer: (run) => void deferred.push(run),
  });
  return { tray, presenter, runDeferred: () => deferred.splice(0).forEach((run) => run()) };
}

describe('the tray menu while it is open', () => {
  it('keeps the open menu, updates the tooltip, and rebuilds once after the menu closed', () => {
    const { tray, presenter, runDeferred } = presenterWithFakes();
    presenter.present(view('A: 9 min left', 'expiring'));
    tray.shownMenu!.emit('menu-will-show');
    expect(presenter.present(view('A: 8 min left', 'expiring'))).toBe(false);
    expect(presenter.present(view('A: 7 min left', 'expiring'))).toBe(false);
    expect(tray.menus).toHaveLength(1);
    expect(tray.tooltips).toEqual(['A: 9 min left', 'A: 8 min left', 'A: 7 min left']);
    tray.shownMenu!.emit('menu-will-close');
    expect(tray.menus).toHaveLength(1);
    runDeferred();
    expect(tray.menus).toHaveLength(2);
    expect(tray.menus[1]![0]!.label).toBe('Renew — A (A: 7 min left)');
    runDeferred();
    expect(tray.menus).toHaveLength(2);
  });
});

describe('the tray as the fallback for a notification that could not be shown', () => {
  it('puts a renew item first and a menu-bar title, until the user acts on it', () => {
    const calls: string[] = [];
    const { tray, presenter } = presenterWithFakes(calls);
    presenter.present(view('A: 9 min left', 'expiring'));
    presenter.setAttention({ target: 'A', label: '⚠ A expires in 9 min — Renew…' });
    expect(tray.titles).toEqual(['Renew']);
    expect(tray.tooltips.at(-1)).toBe('⚠ A: 9 min left');
    const menu = tray.menus.at(-1)!;
    expect(menu.map((item) => item.label ?? item.type)).toEqual([
      '⚠ A expires in 9 min — Renew…',
      'separator',
      'Renew — A (A: 9 min left)',
    ]);
    (menu[0]!.click as () => void)();
    expect(calls).toEqual(['renew A']);
    expect(tray.titles).toEqual(['Renew', '']);
    expect(tray.menus.at(-1)!.map((item) => item.label)).toEqual(['Renew — A (A: 9 min left)']);
  });
});

describe('the tray icon variant', () => {
  it('follows the taskbar theme on Windows, the system theme on Linux, and is a template image on macOS', () => {
    // Windows' default: a dark taskbar with light apps.
    const windowsDefault = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true };
    expect(trayIconVariant('win32', windowsDefault)).toBe('dark');
    expect(
      trayIconVariant('win32', { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false }),
    ).toBe('light');
    expect(trayIconVariant('linux', windowsDefault)).toBe('light');
    expect(trayIconVariant('darwin', windowsDefault)).toBe('template');
  });
});

describe('platform menu items', () => {
  it('go before the last separator, above Quit', () => {
    const tray = new FakeTray();
    const presenter = createTrayPresenter({
      tray,
      buildMenu: (template) => new FakeMenu(template),
      loadImage: (path) => path as unknown as NativeImage,
      iconFolder: '/icons',
      variant: () => 'template',
      actions: recordingActions([]),
      extraItems: [{ label: 'Install “mfa-tray” Command…' }],
    });
    presenter.present({
      ...view('A'),
      menu: [
        { type: 'action', action: 'open-dashboard', label: 'Open MFA Tray' },
        { type: 'separator' },
        { type: 'action', action: 'quit', label: 'Quit' },
      ],
    });
    expect(tray.menus[0]!.map((item) => item.label ?? item.type)).toEqual([
      'Open MFA Tray',
      'Install “mfa-tray” Command…',
      'separator',
      'Quit',
    ]);
  });
});
