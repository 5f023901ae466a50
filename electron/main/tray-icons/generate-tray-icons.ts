// Writes every tray icon PNG into assets/tray from icon-art.ts: `npm run icons:tray`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { renderTrayIcon, TRAY_ICON_SCALES, TRAY_ICON_STATES, TRAY_ICON_VARIANTS, trayIconFileName } from './icon-art';

export const TRAY_ICON_FOLDER = fileURLToPath(new URL('../../../assets/tray', import.meta.url));

export function generateTrayIcons(folder: string = TRAY_ICON_FOLDER): string[] {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const state of TRAY_ICON_STATES) {
    for (const variant of TRAY_ICON_VARIANTS) {
      for (const scale of TRAY_ICON_SCALES) {
        const path = join(folder, trayIconFileName(state, variant, scale));
        writeFileSync(path, PNG.sync.write(renderTrayIcon(state, variant, scale)));
        written.push(path);
      }
    }
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`wrote ${generateTrayIcons().length} tray icons`);
}
