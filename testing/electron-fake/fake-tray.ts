// The fake Tray, Menu and nativeImage: the tray records its icon, tooltip and context menu; a test clicks a menu
// item as a user would (a checkbox flips before its click handler runs, as in Electron).
import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import type { KeyboardEvent, Menu, MenuItem, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { MenuItemSnapshot } from './protocol';

export class FakeNativeImage implements Pick<NativeImage, 'isEmpty' | 'toDataURL'> {
  constructor(readonly path: string | undefined) {}

  isEmpty(): boolean {
    return this.path === undefined;
  }

  toDataURL(): string {
    return '';
  }
}

export const nativeImage = {
  createEmpty: (): NativeImage => new FakeNativeImage(undefined) as unknown as NativeImage,
  createFromPath: (path: string): NativeImage => new FakeNativeImage(path) as unknown as NativeImage,
};

// An EventEmitter like Electron's Menu: main listens for menu-will-show / menu-will-close on it.
export class FakeMenu extends EventEmitter implements Pick<Menu, 'items'> {
  readonly items: MenuItem[];
  static builds = 0;

  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu {
    FakeMenu.builds++;
    return new FakeMenu(template) as unknown as Menu;
  }

  constructor(readonly template: MenuItemConstructorOptions[]) {
    super();
    this.items = template.map(
      (item) =>
        ({
          ...item,
          label: item.label ?? '',
          type: item.type ?? 'normal',
          enabled: item.enabled ?? true,
          checked: item.checked ?? false,
        }) as unknown as MenuItem,
    );
  }

  snapshot(): MenuItemSnapshot[] {
    return this.items.map((item) => ({
      label: item.label,
      type: item.type,
      enabled: item.enabled,
      checked: item.checked,
    }));
  }

  click(label: string): void {
    const item = this.items.find((candidate) => candidate.enabled && candidate.label.startsWith(label));
    if (!item)
      throw new Error(
        `no enabled tray menu item starts with "${label}": ${this.items.map((i) => i.label).join(' | ')}`,
      );
    if (item.type === 'checkbox') item.checked = !item.checked;
    const event = { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false };
    // Electron calls click(menuItem, focusedWindow, event).
    item.click(item as never, undefined, event as KeyboardEvent);
  }
}

export class FakeTray
  extends EventEmitter
  implements Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy' | 'isDestroyed'>
{
  static current: FakeTray | undefined;
  image: FakeNativeImage;
  tooltip = '';
  title = '';
  menu: FakeMenu | undefined;
  private destroyed = false;

  constructor(image: NativeImage | string) {
    super();
    this.image = typeof image === 'string' ? new FakeNativeImage(image) : (image as unknown as FakeNativeImage);
    FakeTray.current = this;
  }

  setImage(image: NativeImage | string): void {
    this.image = typeof image === 'string' ? new FakeNativeImage(image) : (image as unknown as FakeNativeImage);
  }

  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  setContextMenu(menu: Menu | null): void {
    this.menu = (menu as unknown as FakeMenu | null) ?? undefined;
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  snapshot() {
    return {
      destroyed: this.destroyed,
      image: this.image.path === undefined ? undefined : basename(this.image.path),
      tooltip: this.tooltip,
      menu: this.menu?.snapshot() ?? [],
      menuBuilds: FakeMenu.builds,
    };
  }
}
