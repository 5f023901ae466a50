// Compares our reading of a text with botocore's verdict; returns what differs (empty when alike).
import { IniParseError } from '../../electron/core/ini/errors';
import { loadConfig } from '../../electron/core/ini/load-config';
import { rawConfigParse } from '../../electron/core/ini/raw-config';
import { canonicalSetting as canonicalJson } from '../../electron/core/ini/setting-equality';
import type { BotocoreVerdict } from './oracle';

type Ours = { ok: true; raw: unknown; loaded: unknown } | { ok: false; lines: number[]; message: string };

function readOurs(text: string): Ours {
  try {
    const raw = rawConfigParse(text);
    const loaded = loadConfig(text);
    return {
      ok: true,
      raw,
      loaded: { profiles: loaded.profiles, sso_sessions: loaded.ssoSessions, services: loaded.services },
    };
  } catch (error) {
    if (error instanceof IniParseError)
      return { ok: false, lines: error.problems.map((p) => p.line), message: error.message };
    throw error;
  }
}

export function differences(text: string, botocore: BotocoreVerdict): string[] {
  const ours = readOurs(text);
  if (ours.ok && botocore.ok) {
    const found: string[] = [];
    if (canonicalJson(ours.raw) !== canonicalJson(botocore.raw)) {
      found.push(`raw_config_parse: ours ${canonicalJson(ours.raw)} botocore ${canonicalJson(botocore.raw)}`);
    }
    if (canonicalJson(ours.loaded) !== canonicalJson(botocore.loaded)) {
      found.push(`load_config: ours ${canonicalJson(ours.loaded)} botocore ${canonicalJson(botocore.loaded)}`);
    }
    return found;
  }
  if (ours.ok && !botocore.ok)
    return [`botocore rejects (${botocore.error} at lines ${botocore.lines.join(',')}) but we accept`];
  if (!ours.ok && botocore.ok) return [`we reject (${ours.message}) but botocore accepts`];
  if (!ours.ok && !botocore.ok && botocore.lines.length > 0 && ours.lines.join(',') !== botocore.lines.join(',')) {
    return [
      `both reject, botocore (${botocore.error}) at lines ${botocore.lines.join(',')}, ours at ${ours.lines.join(',')}: ${ours.message}`,
    ];
  }
  return [];
}
