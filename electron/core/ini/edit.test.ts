import { describe, expect, it } from 'vitest';
import { applyEdits } from './edit';
import { IniEditError, IniParseError } from './errors';
import { loadConfig } from './load-config';
import { rawConfigParse } from './raw-config';

describe('applyEdits: where lines go', () => {
  it('replaces a key line in place and keeps every other byte (comments, spacing, CRLF, no final newline)', () => {
    const text = '# top\r\n[default]\r\nRegion : us-east-1\r\n;c\r\noutput  =json';
    expect(applyEdits(text, [{ section: 'default', key: 'region', value: 'eu-west-1' }])).toBe(
      '# top\r\n[default]\r\nregion = eu-west-1\r\n;c\r\noutput  =json',
    );
  });

  it("inserts a new key after the section's last key line, before trailing comments and blank lines", () => {
    const text = '[profile a]\nx = 1\ny = 2\n\n# about b\n[profile b]\nz = 3\n';
    expect(applyEdits(text, [{ section: 'profile a', key: 'expiration', value: '2030-01-01T00:00:00Z' }])).toBe(
      '[profile a]\nx = 1\ny = 2\nexpiration = 2030-01-01T00:00:00Z\n\n# about b\n[profile b]\nz = 3\n',
    );
  });

  it('inserts right after the header of an empty section', () => {
    expect(applyEdits('[a]\n# nothing yet\n', [{ section: 'a', key: 'k', value: 'v' }], { file: 'credentials' })).toBe(
      '[a]\nk = v\n# nothing yet\n',
    );
  });

  it('appends a new section at the end after a blank line, adding a final newline only because it appends', () => {
    expect(applyEdits('[default]\nregion = x', [{ section: 'profile new', key: 'region', value: 'y' }])).toBe(
      '[default]\nregion = x\n\n[profile new]\nregion = y\n',
    );
    expect(applyEdits('[default]\r\nregion = x\r\n\r\n', [{ section: 'profile n', key: 'k', value: 'v' }])).toBe(
      '[default]\r\nregion = x\r\n\r\n[profile n]\r\nk = v\r\n',
    );
    expect(applyEdits('', [{ section: 'default', key: 'k', value: 'v' }])).toBe('[default]\nk = v\n');
  });

  it('replaces all lines of a key with a sub-section or continuation lines', () => {
    const text =
      '[default]\ns3 =\n  max_concurrent_requests = 10\n\n  addressing_style = path\nnote = one\n  two\nregion = x\n';
    const edited = applyEdits(text, [
      { section: 'default', key: 's3', value: 'none' },
      { section: 'default', key: 'note', value: 'single' },
    ]);
    expect(edited).toBe('[default]\ns3 = none\nnote = single\nregion = x\n');
  });

  it('deletes a key with its continuation lines and leaves the rest', () => {
    expect(
      applyEdits('[a]\nx = 1\n  more\ny = 2\n', [{ section: 'a', key: 'x', value: null }], { file: 'credentials' }),
    ).toBe('[a]\ny = 2\n');
    expect(applyEdits('[a]\ny = 2\n', [{ section: 'a', key: 'x', value: null }], { file: 'credentials' })).toBe(
      '[a]\ny = 2\n',
    );
  });

  it('edits the section botocore reads: the later of [default]/[profile default], a quoted profile name', () => {
    const text = '[default]\nregion = a\n[profile default]\nregion = b\n[profile "q"]\nregion = c\n';
    const edited = applyEdits(text, [
      { section: 'default', key: 'region', value: 'z' },
      { section: 'profile q', key: 'region', value: 'y' },
    ]);
    expect(edited).toBe('[default]\nregion = a\n[profile default]\nregion = z\n[profile "q"]\nregion = y\n');
    expect(loadConfig(edited).profiles.default).toEqual({ region: 'z' });
  });

  it('in a credentials file matches section names exactly', () => {
    const text = '[default]\na = 1\n[profile default]\na = 2\n';
    expect(applyEdits(text, [{ section: 'default', key: 'a', value: '3' }], { file: 'credentials' })).toBe(
      '[default]\na = 3\n[profile default]\na = 2\n',
    );
  });

  it('keeps the indentation-free key line from swallowing an indented header that followed', () => {
    // Written at column 0, a new `x = v` would turn the indented `  [b]` into a continuation of x.
    const text = '[a]\n  k = 1\n  [b]\n  j = 2\n';
    expect(rawConfigParse(text)).toEqual({ a: { k: '1' }, b: { j: '2' } });
    expect(() => applyEdits(text, [{ section: 'a', key: 'x', value: 'v' }], { file: 'credentials' })).toThrow(
      /other lines/,
    );
  });
});

describe('applyEdits: refusals', () => {
  const refused = (edit: { section: string; key: string; value: string | null }, pattern: RegExp): void => {
    expect(() => applyEdits('[default]\nregion = x\n', [edit])).toThrow(IniEditError);
    expect(() => applyEdits('[default]\nregion = x\n', [edit])).toThrow(pattern);
  };

  it('refuses values the JS SDK or botocore would read differently', () => {
    refused({ section: 'default', key: 'k', value: 'a\nb' }, /line break/);
    refused({ section: 'default', key: 'k', value: 'a\rb' }, /line break/);
    refused({ section: 'default', key: 'k', value: ' lead' }, /whitespace/);
    refused({ section: 'default', key: 'k', value: 'trail\u00a0' }, /whitespace/);
    refused({ section: 'default', key: 'k', value: 'x #y' }, /comment/);
    refused({ section: 'default', key: 'k', value: 'x\t;y' }, /comment/);
    refused({ section: 'default', key: 'k', value: '#y' }, /comment/);
    refused({ section: 'default', key: 'k', value: '' }, /empty value/);
  });

  it('refuses keys and profile names outside the shared subset', () => {
    refused({ section: 'default', key: 'Region', value: 'x' }, /a-z0-9_/);
    refused({ section: 'default', key: 'a b', value: 'x' }, /a-z0-9_/);
    refused({ section: 'profile a b', key: 'k', value: 'x' }, /must be double-quoted/);
    refused({ section: 'profile "a  b"', key: 'k', value: 'x' }, /section must be/);
    refused({ section: 'a "b"', key: 'k', value: 'x' }, /section must be/);
    refused({ section: 'profile "a"', key: 'k', value: 'x' }, /section must be/);
    refused({ section: 'DEFAULT', key: 'k', value: 'x' }, /section must be/);
    refused({ section: 'profile __proto__', key: 'k', value: 'x' }, /section must be/);
  });

  it('writes a profile name with spaces as botocore reads it: quoted in the config file, as is in credentials', () => {
    expect(applyEdits('', [{ section: 'profile "My Session"', key: 'region', value: 'x' }])).toBe(
      '[profile "My Session"]\nregion = x\n',
    );
    expect(
      applyEdits('[profile "My Session"]\nregion = x\n', [
        { section: 'profile "My Session"', key: 'region', value: 'y' },
      ]),
    ).toBe('[profile "My Session"]\nregion = y\n');
    expect(
      applyEdits('[My Session]\nk = 1\n', [{ section: 'My Session', key: 'k', value: '2' }], { file: 'credentials' }),
    ).toBe('[My Session]\nk = 2\n');
  });

  it('refuses to delete a key that [DEFAULT] would still supply', () => {
    expect(() =>
      applyEdits('[DEFAULT]\nk = d\n[a]\nk = 1\n', [{ section: 'a', key: 'k', value: null }], { file: 'credentials' }),
    ).toThrow(/DEFAULT/);
  });

  it('refuses a delete that botocore sees as done while the JS SDK still reads the key from a shadowed section', () => {
    // botocore reads the later `[profile 'x']`; the JS SDK reads `[profile x]`, which still sets the key.
    const text = "[profile x]\nregion = us-east-1\n[profile 'x']\noutput = json\n";
    expect(() => applyEdits(text, [{ section: 'profile x', key: 'region', value: null }])).toThrow(IniEditError);
  });

  it('refuses to edit a file botocore rejects, with the reason', () => {
    expect(() => applyEdits('[a]\nx = 1\nX = 2\n', [{ section: 'a', key: 'y', value: '1' }])).toThrow(IniParseError);
    expect(() => applyEdits('region = x\n', [{ section: 'default', key: 'y', value: '1' }])).toThrow(/line 1/);
  });

  it('refuses an edit the JS SDK would read elsewhere ([profile default] beats [default] there)', () => {
    const text = '[profile default]\nregion = a\n[default]\nregion = b\n';
    expect(() => applyEdits(text, [{ section: 'default', key: 'region', value: 'c' }])).toThrow(/JavaScript/);
  });
});
