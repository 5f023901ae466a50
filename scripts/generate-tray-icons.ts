// Writes every tray icon PNG into assets/tray, and the app icon into assets/packaging/icon.png, from
// electron/main/tray-icons/icon-art.ts: `npm run icons:tray`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import {
  renderAppIcon,
  renderTrayIcon,
  TRAY_ICON_SCALES,
  TRAY_ICON_STATES,
  TRAY_ICON_VARIANTS,
  trayIconFileName,
} from '../electron/main/tray-icons/icon-art';

const folder = fileURLToPath(new URL('../assets/tray', import.meta.url));
mkdirSync(folder, { recursive: true });
let written = 0;
for (const state of TRAY_ICON_STATES) {
  for (const variant of TRAY_ICON_VARIANTS) {
    for (const scale of TRAY_ICON_SCALES) {
      writeFileSync(
        join(folder, trayIconFileName(state, variant, scale)),
        PNG.sync.write(renderTrayIcon(state, variant, scale)),
      );
      written += 1;
    }
  }
}
writeFileSync(fileURLToPath(new URL('../assets/packaging/icon.png', import.meta.url)), PNG.sync.write(renderAppIcon()));
console.log(`wrote ${written} tray icons and the app icon`);
