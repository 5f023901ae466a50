// The windows' real content sizes (electron/main/windows.ts; useContentSize makes them the page's size on every
// frame: Linux, Windows and macOS title bars come on top) and the check that a screen fits its window.
import { expect, type Page } from '@playwright/test';
import { windowOptions, type WindowRole } from '../../electron/main/windows';

export interface WindowSize {
  width: number;
  height: number;
  /** The smallest content size a resizable window can be dragged to. */
  min?: { width: number; height: number };
  resizable: boolean;
}

export function windowSize(role: WindowRole): WindowSize {
  const shape = windowOptions(role, { preloadPath: '', iconPath: '', development: false });
  if (!shape.useContentSize) throw new Error(`${role}: width and height must be the content size (useContentSize)`);
  const resizable = shape.resizable !== false;
  return {
    width: shape.width!,
    height: shape.height!,
    resizable,
    ...(resizable && { min: { width: shape.minWidth!, height: shape.minHeight! } }),
  };
}

/** The window a route opens in: the dialog and the wizard and settings have their own; the rest is the dashboard. */
export function roleForHash(hash: string): WindowRole {
  if (hash.startsWith('#/token-dialog')) return 'token-dialog';
  if (hash.startsWith('#/wizard')) return 'wizard';
  if (hash.startsWith('#/settings')) return 'settings';
  return 'dashboard';
}

/**
 * Nothing is clipped: no horizontal scrolling, every visible control inside the window's width, and in a fixed-size
 * window no scrollbar and every control inside its height too.
 */
export async function expectFits(page: Page, role: WindowRole = roleForHash(new URL(page.url()).hash)): Promise<void> {
  const fixed = !windowSize(role).resizable;
  const layout = await page.evaluate(() => {
    const root = document.documentElement;
    const controls = [
      ...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="button"], summary'),
    ]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.id;
        return { name: `${element.tagName.toLowerCase()} "${name}"`, ...box.toJSON() };
      });
    return {
      width: window.innerWidth,
      height: window.innerHeight,
      scrollWidth: root.scrollWidth,
      scrollHeight: root.scrollHeight,
      controls,
    };
  });
  const outside = layout.controls
    .filter(
      (box) =>
        box.left < 0 || box.right > layout.width + 0.5 || (fixed && (box.top < 0 || box.bottom > layout.height + 0.5)),
    )
    .map(
      (box) =>
        `${box.name} at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
    );
  expect(outside, `controls outside the ${layout.width}×${layout.height} ${role} window`).toEqual([]);
  expect(layout.scrollWidth, `${role}: horizontal scrolling`).toBeLessThanOrEqual(layout.width);
  if (fixed)
    expect(layout.scrollHeight, `${role}: a scrollbar in a fixed-size window`).toBeLessThanOrEqual(layout.height);
}
