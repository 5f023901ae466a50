import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTrayPresenter, menuTemplate, type TrayActions } from './tray';
import type { TrayView } from './tray-model';

class FakeTray implements Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu'> {
  images: string[] = [];
  tooltips: string[] = [];
  menus: MenuItemConstructorOptions[][] = [];
  setImage(image: NativeImage | string): void {
    this.images.push(String(image));
  }
  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip);
  }
  setContextMenu(menu: Menu | null): void {
    this.menus.push((menu as unknown as { template: MenuItemConstructorOptions[] }).template);
  }
}

function recordingActions(calls: string[]): TrayActions {
  return {
    renew: (target) => calls.push(`renew ${target}`),
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
      buildMenu: (template) => ({ template }) as unknown as Menu,
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
