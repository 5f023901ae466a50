import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/vocabulary';
import { createSettingsStore } from './settings-store';

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'mfa-tray-settings-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('createSettingsStore', () => {
  it('starts from the defaults when there is no file and writes nothing until asked', async () => {
    const store = createSettingsStore(stateDir);
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(await readdir(stateDir)).toEqual([]);
  });

  it('keeps the valid fields of a hand-edited file and reports the others', async () => {
    await writeFile(
      join(stateDir, 'settings.json'),
      JSON.stringify({ leadTimeMinutes: 30, startAtLogin: 'yes', mutedSessions: ['A'] }),
    );
    const { settings, problems } = await createSettingsStore(stateDir).load();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, leadTimeMinutes: 30, mutedSessions: ['A'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('startAtLogin is invalid');
  });

  it('copies a damaged file aside before the first save, so nothing the user wrote is lost', async () => {
    await writeFile(join(stateDir, 'settings.json'), '{ not json');
    const store = createSettingsStore(stateDir, { now: () => 1234 });
    expect((await store.load()).problems[0]).toContain('not valid JSON');
    await store.update({ leadTimeMinutes: 5 });
    expect(await readFile(join(stateDir, 'settings.json.damaged-1234'), 'utf8')).toBe('{ not json');
    expect(JSON.parse(await readFile(join(stateDir, 'settings.json'), 'utf8'))).toMatchObject({ leadTimeMinutes: 5 });
  });

  it('refuses an invalid update with a clear error and keeps the saved settings', async () => {
    const store = createSettingsStore(stateDir);
    await store.update({ leadTimeMinutes: 20 });
    await expect(store.update({ leadTimeMinutes: 0 })).rejects.toThrow(/Settings not saved: leadTimeMinutes/);
    expect(JSON.parse(await readFile(join(stateDir, 'settings.json'), 'utf8'))).toMatchObject({ leadTimeMinutes: 20 });
  });

  it('applies quick successive updates in order without losing either', async () => {
    const store = createSettingsStore(stateDir);
    await Promise.all([store.update({ leadTimeMinutes: 25 }), store.update({ startAtLogin: true })]);
    expect(JSON.parse(await readFile(join(stateDir, 'settings.json'), 'utf8'))).toMatchObject({
      leadTimeMinutes: 25,
      startAtLogin: true,
    });
  });
});
