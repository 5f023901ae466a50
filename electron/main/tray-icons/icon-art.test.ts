import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  APP_ICON_SIZE,
  renderAppIcon,
  renderTrayIcon,
  TRAY_ICON_SCALES,
  TRAY_ICON_STATES,
  TRAY_ICON_VARIANTS,
  trayIconFileName,
} from './icon-art';

const TRAY_ICON_FOLDER = fileURLToPath(new URL('../../../assets/tray', import.meta.url));

const combos = TRAY_ICON_VARIANTS.flatMap((variant) => TRAY_ICON_SCALES.map((scale) => [variant, scale] as const));

describe('the tray icons', () => {
  it.each(combos)('exist in assets/tray for every state (%s, %dx) and match the one description', (variant, scale) => {
    for (const state of TRAY_ICON_STATES) {
      const file = PNG.sync.read(readFileSync(join(TRAY_ICON_FOLDER, trayIconFileName(state, variant, scale))));
      expect([file.width, file.height]).toEqual([16 * scale, 16 * scale]);
      expect(
        Buffer.compare(file.data, renderTrayIcon(state, variant, scale).data),
        `${state} differs from icon-art.ts: run npm run icons:tray`,
      ).toBe(0);
    }
  });

  it.each(combos)('differ from each other in every state (%s, %dx)', (variant, scale) => {
    const images = TRAY_ICON_STATES.map((state) => renderTrayIcon(state, variant, scale).data);
    for (let a = 0; a < images.length; a++) {
      for (let b = a + 1; b < images.length; b++) {
        // At least 3% of the pixels must differ clearly (template images differ in shape alone: they have no colour).
        let differing = 0;
        for (let offset = 0; offset < images[a]!.length; offset += 4) {
          const channels = [0, 1, 2, 3].map((channel) =>
            Math.abs(images[a]![offset + channel]! - images[b]![offset + channel]!),
          );
          if (Math.max(...channels) > 64) differing++;
        }
        expect(differing / (images[a]!.length / 4), `${TRAY_ICON_STATES[a]} vs ${TRAY_ICON_STATES[b]}`).toBeGreaterThan(
          0.03,
        );
      }
    }
  });

  it('makes template images pure black with alpha, as macOS requires', () => {
    for (const state of TRAY_ICON_STATES) {
      const data = renderTrayIcon(state, 'template', 2).data;
      for (let offset = 0; offset < data.length; offset += 4)
        expect(data[offset]! + data[offset + 1]! + data[offset + 2]!).toBe(0);
    }
  });
});

describe('the app icon', () => {
  it('is the 1024 px PNG electron-builder converts to .icns and .ico, and matches the one description', () => {
    const file = PNG.sync.read(
      readFileSync(fileURLToPath(new URL('../../../assets/packaging/icon.png', import.meta.url))),
    );
    expect([file.width, file.height]).toEqual([APP_ICON_SIZE, APP_ICON_SIZE]);
    expect(Buffer.compare(file.data, renderAppIcon().data), 'run npm run icons:tray').toBe(0);
    // Transparent corners (macOS rounds nothing itself), an opaque middle.
    expect(file.data[3]).toBe(0);
    expect(file.data[(APP_ICON_SIZE * (APP_ICON_SIZE / 2) + APP_ICON_SIZE / 2) * 4 + 3]).toBe(255);
  });
});
