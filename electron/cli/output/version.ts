// `mfa-tray --version`: the version in MFA Tray's package.json. The CLI runs from its source (tests), from
// dist/cli or dist/main (the app's CLI mode), and from inside the packaged app: each sits below the folder
// holding that package.json, so the first one upward named mfa-tray is ours.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function cliVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (found.name === 'mfa-tray' && typeof found.version === 'string') return found.version;
    } catch {
      // No readable package.json here: look further up.
    }
    if (dirname(dir) === dir) return 'unknown (package.json not found)';
  }
}
