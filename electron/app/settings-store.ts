// The user's preferences, as JSON in MFA Tray's state folder. A damaged or hand-edited file never stops the app:
// each field that fails validation falls back to its default (and is reported), and the damaged file is copied
// aside before we first overwrite it, so nothing the user wrote is lost.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/aws-files';
import { systemClock, type Clock } from '../core/time/clock';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../shared/vocabulary';

export const SETTINGS_FILE = 'settings.json';

export interface LoadedSettings {
  settings: Settings;
  /** Why fields were replaced by defaults; empty when the file was fine or absent. */
  problems: string[];
}

export interface SettingsStore {
  readonly path: string;
  load(): Promise<LoadedSettings>;
  /** Validates the merged result before writing; throws a clear error on invalid input and writes nothing. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

export function createSettingsStore(stateDir: string, clock: Clock = systemClock): SettingsStore {
  const path = join(stateDir, SETTINGS_FILE);
  let current: Settings | undefined;
  let damaged = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<LoadedSettings> {
    const { settings, problems } = await readSettingsFile(path);
    current = settings;
    damaged = problems.length > 0;
    return { settings, problems };
  }

  async function write(patch: Partial<Settings>): Promise<Settings> {
    const base = current ?? (await load()).settings;
    const merged = SettingsSchema.safeParse({ ...base, ...patch });
    if (!merged.success)
      throw new Error(
        `Settings not saved: ${merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
    if (damaged) {
      await copyFile(path, `${path}.damaged-${clock.now()}`).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      damaged = false;
    }
    await writeFileAtomic(path, `${JSON.stringify(merged.data, null, 2)}\n`, 0o600);
    current = merged.data;
    return merged.data;
  }

  return {
    path,
    load,
    // Serialised so two quick toggles cannot interleave their read-merge-write.
    update(patch) {
      const next = queue.then(() => write(patch));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

async function readSettingsFile(path: string): Promise<LoadedSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: { ...DEFAULT_SETTINGS, mutedSessions: [] }, problems: [] };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      settings: { ...DEFAULT_SETTINGS, mutedSessions: [] },
      problems: [`${path} is not valid JSON; using the default settings`],
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      settings: { ...DEFAULT_SETTINGS, mutedSessions: [] },
      problems: [`${path} does not hold an object; using the default settings`],
    };
  }
  const record = raw as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const field = schema.safeParse(record[key]);
    if (field.success) settings[key] = field.data;
    else {
      settings[key] = DEFAULT_SETTINGS[key as keyof Settings];
      if (key in record)
        problems.push(
          `${path}: ${key} is invalid (${field.error.issues[0]?.message ?? 'wrong type'}); using the default`,
        );
    }
  }
  return { settings: SettingsSchema.parse(settings), problems };
}
