import { describe, expect, it } from 'vitest';
import { parseIniDocument } from './document';
import { IniParseError } from './errors';
import { loadConfig, loadConfigFromRaw } from './load-config';
import { rawConfigFromDocument } from './raw-config';
import { scanRawConfig } from './raw-config-scan';
import { canonicalSetting } from './setting-equality';
import { generateIniText } from '../../../testing/ini-differential/generator';
import { Random } from '../../../testing/ini-differential/random';

function reading(read: () => unknown): string | 'rejected' {
  try {
    return canonicalSetting(read());
  } catch (error) {
    if (error instanceof IniParseError) return 'rejected';
    throw error;
  }
}

function documentReading(text: string): string | 'rejected' {
  return reading(() => rawConfigFromDocument(parseIniDocument(text)));
}

const seed = Number(process.env.INI_SEED ?? Math.floor(Math.random() * 2 ** 32));

describe('one-pass scanner', () => {
  it('reads 3,000 random files exactly as the document reader does, and leaves every rejected one to it', () => {
    const random = new Random(seed);
    let scanned = 0;
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const text = generateIniText(random);
      const expected = documentReading(text);
      const scan = scanRawConfig(text);
      if (expected === 'rejected') rejected++;
      if (scan === undefined) continue;
      scanned++;
      expect(canonicalSetting(scan), `seed ${seed} text ${JSON.stringify(text)}`).toBe(expected);
    }
    // Both sides of the line are exercised: most valid files take the fast path.
    expect(rejected).toBeGreaterThan(500);
    expect(scanned).toBeGreaterThan(1000);
  });

  it('gives load_config of 3,000 random files exactly as the document reader does, repeated names included', () => {
    const random = new Random(seed + 1);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const text = generateIniText(random);
      const expected = reading(() => loadConfigFromRaw(rawConfigFromDocument(parseIniDocument(text))));
      if (expected !== 'rejected') accepted++;
      expect(
        reading(() => loadConfig(text)),
        `seed ${seed + 1} text ${JSON.stringify(text)}`,
      ).toBe(expected);
    }
    expect(accepted).toBeGreaterThan(1000);
    expect(
      loadConfig('[profile a]\nx = 1\n[default]\ny = 2\n[profile default]\nz = 3\n[profile "a"]\nw = 4\n').profiles,
    ).toEqual({
      a: { w: '4' },
      default: { z: '3' },
    });
  });

  it('reads continuation lines, inner blank lines and sub-sections, and gives up on [DEFAULT] and errors', () => {
    expect(scanRawConfig('[a]\nk = one\n\n  # skipped\n\ttwo\n\n\nz = 1\n')).toEqual({
      a: { k: 'one\n\ntwo', z: '1' },
    });
    expect(scanRawConfig('[a]\r\ns3 =\r\n\r\n  x = 1\r  Y = 2\n')).toEqual({ a: { s3: { x: '1', Y: '2' } } });
    expect(scanRawConfig('[a]\nk =\n\n\n[b]\n')).toEqual({ a: { k: '' }, b: {} });
    expect(scanRawConfig('[DEFAULT]\nk = 1\n[a]\n')).toBeUndefined();
    expect(scanRawConfig('[a]\ns3 =\n  no equals\n')).toBeUndefined();
    expect(scanRawConfig('[a]\nk = 1\nK = 2\n')).toBeUndefined();
    expect(scanRawConfig('[a]\n[a]\n')).toBeUndefined();
    expect(scanRawConfig('k = 1\n[a]\n')).toBeUndefined();
    expect(scanRawConfig('[a]\n= 1\n')).toBeUndefined();
    expect(scanRawConfig('[a]\nno separator\n')).toBeUndefined();
  });
});
