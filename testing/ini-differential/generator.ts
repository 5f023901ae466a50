// Random ini texts covering every rule botocore applies (and the ways a file can break), for the
// differential test against botocore. `strictness` near 1 makes mostly valid files, near 0 mostly broken ones.
import type { Random } from './random';

const NEWLINES = ['\n', '\r\n'] as const;
const KEYS = [
  'region',
  'output',
  'mfa_serial',
  'role_arn',
  'source_profile',
  'aws_access_key_id',
  'expiration',
  'Region',
  'REGION',
  'Output',
  'cli_pager',
  'x',
  'k1',
  'key with space',
  'ключ',
  'Ünïcode',
  'a.b',
  'a-b',
  '[bracket',
  'q"uote',
  '__proto__',
  'constructor',
  '1',
  '10',
];
const NESTED_KEYS = ['max_concurrent_requests', 'addressing_style', 'Signature_Version', 'a b', 'x', '1'];
const PROFILE_NAMES = ['dev', 'prod', 'default', 'MyRepositoryAssumer', 'a-b_c.d@e+f%g:h/i', 'Ünï', '__proto__', '2'];
const VALUES = [
  'us-east-1',
  'json',
  '',
  ' ',
  'a b',
  '"quoted"',
  "'single'",
  'x # not a comment',
  'x ; not a comment',
  '#hash',
  ';semi',
  'a=b',
  'a:b',
  'http://host:8080/p?q=1',
  '\ttab\t',
  'ünï',
  '\u00a0nbsp\u00a0',
  'mid\u000bdle',
  'x\u001fy',
  '\u3000wide',
  '%(interp)s',
  'arn:aws:iam::123456789012:mfa/user',
  '2030-01-01T00:00:00Z',
  'trailing  ',
];
const SPACES = ['', ' ', '  ', '\t', ' \t', '\u00a0', '\u3000', '\u001c', '\u0085', '\u000c'];
const BLANKISH = ['', ' ', '\t', '\u00a0', '\u0085', '\u2028', '\u001f  ', '\u000b'];

function profileHeader(random: Random): string {
  const name = random.pick(PROFILE_NAMES);
  return random.pick([
    `profile ${name}`,
    `profile ${name}`,
    `profile "${name}"`,
    `profile '${name}'`,
    `profile "${name} two"`,
    `profile ${name} two`,
    'profile',
    `profile  ${name} `,
    `profile\t${name}`,
    `profile "${name}`,
    `profile ${name}\\`,
    `profilex ${name}`,
    `profile a\\ b`,
    `profile "a\\"b"`,
  ]);
}

function sectionName(random: Random): string {
  const roll = random.int(12);
  if (roll < 4) return profileHeader(random);
  if (roll === 4) return 'default';
  if (roll === 5) return random.pick(['DEFAULT', 'Default', 'default ', ' default']);
  if (roll === 6)
    return random.pick([`sso-session ${random.pick(PROFILE_NAMES)}`, 'sso-session "my sso"', 'sso-session']);
  if (roll === 7) return random.pick([`services ${random.pick(PROFILE_NAMES)}`, 'services "s p"', 'services']);
  if (roll === 8) return random.pick(PROFILE_NAMES);
  if (roll === 9) return random.pick([' spaced ', 'plugins', 'a]b', 'tab\there', 'preview']);
  return random.pick(PROFILE_NAMES.map((n) => `profile ${n}`));
}

function headerLine(random: Random, name: string, strictness: number): string {
  const indent = random.chance(0.15) ? random.pick(SPACES) : '';
  if (!random.chance(strictness) && random.chance(0.5)) {
    return indent + random.pick(['[]', `[${name}`, `${name}]`, `[${name}] = x`, `[${name}] # c`, `[${name}]]`, '[]]']);
  }
  return `${indent}[${name}]${random.chance(0.1) ? random.pick(SPACES) : ''}`;
}

function separator(random: Random): string {
  return random.pick([' = ', '=', ' =', '= ', ': ', ':', ' : ', '\t=\t', '  =  ', '\u00a0=\u00a0']);
}

function keyName(random: Random, used: Set<string>, strictness: number): string {
  // Mostly avoid keys botocore would call duplicates (after lower-casing), so that most files are valid.
  for (let tries = 0; tries < 6; tries++) {
    const key = random.pick(KEYS);
    if (!used.has(key.toLowerCase()) || !random.chance(strictness)) {
      used.add(key.toLowerCase());
      return key;
    }
  }
  return `k${used.size}_${random.int(1_000_000)}`;
}

function keyLine(random: Random, indent: string, strictness: number, used: Set<string>): string {
  if (!random.chance(strictness)) {
    const broken = random.pick([
      `${random.pick(KEYS)}`,
      `= ${random.pick(VALUES)}`,
      `: x`,
      `${random.pick(KEYS)} value without separator`,
    ]);
    return indent + broken;
  }
  return indent + keyName(random, used, strictness) + separator(random) + random.pick(VALUES);
}

/** Lines that follow a key line: continuation text, blank lines, comments, or a `s3 =` style block. */
function continuation(random: Random, keyIndent: string, strictness: number): string[] {
  const deeper = keyIndent + random.pick([' ', '  ', '\t', '    ', '\u00a0']);
  const lines: string[] = [];
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i++) {
    const roll = random.int(10);
    if (roll < 5) {
      const nestedSeparator = random.chance(strictness) ? random.pick([' = ', '=', '\t= ']) : random.pick([': ', ' ']);
      lines.push(deeper + random.pick(NESTED_KEYS) + nestedSeparator + random.pick(VALUES));
    } else if (roll < 7) lines.push(deeper + random.pick(VALUES.filter((v) => v.trim() !== '')));
    else if (roll < 8) lines.push(random.pick(BLANKISH));
    else if (roll < 9) lines.push(deeper + random.pick(['# comment', '; comment']));
    else lines.push(deeper + random.pick(['[profile inside]', 'x = [y]', `${random.pick(KEYS)} = 1`]));
  }
  return lines;
}

function sectionBody(random: Random, strictness: number, used: Set<string>): string[] {
  const lines: string[] = [];
  const firstIndent = random.chance(0.1) ? random.pick(SPACES.filter((s) => s !== '')) : '';
  const count = random.int(6);
  for (let i = 0; i < count; i++) {
    const roll = random.int(20);
    if (roll < 12) {
      const indent = i === 0 ? firstIndent : random.chance(0.08) ? random.pick(SPACES) : '';
      if (random.chance(0.25)) {
        // A key with an empty value, then an indented block: a sub-section (or a continuation value).
        const subKey = random.pick(['s3', 'S3', 'api_versions', 'proxy']);
        if (used.has(subKey.toLowerCase()) && random.chance(strictness)) continue;
        used.add(subKey.toLowerCase());
        lines.push(indent + subKey + random.pick([' =', '=', ' = ', ':']));
        lines.push(...continuation(random, indent, strictness));
      } else {
        lines.push(keyLine(random, indent, strictness, used));
        if (random.chance(0.2)) lines.push(...continuation(random, indent, strictness));
      }
    } else if (roll < 15) lines.push(random.pick(BLANKISH));
    else if (roll < 18)
      lines.push(random.pick(SPACES) + random.pick(['# comment', ';comment', '#', '# key = v', '#[x]']));
    else if (roll < 19) lines.push(random.pick(SPACES) + random.pick(['\u00a0', '\u0085']));
    else lines.push(keyLine(random, '', strictness, used));
  }
  return lines;
}

export function generateIniText(random: Random): string {
  const strictness = random.pick([0.6, 0.9, 0.97, 0.97, 1, 1]);
  const lines: string[] = [];
  if (random.chance(0.3)) lines.push(random.pick(['# leading comment', '', '  ; c', '\t']));
  if (!random.chance(strictness)) lines.push(random.pick(['region = x', 'junk', ' [indented] first']));
  const keysBySection = new Map<string, Set<string>>();
  const sectionCount = random.int(6);
  for (let s = 0; s < sectionCount; s++) {
    let name = sectionName(random);
    // Mostly avoid repeating a section (botocore rejects that), except [DEFAULT] which may repeat.
    for (
      let tries = 0;
      tries < 6 && keysBySection.has(name) && name !== 'DEFAULT' && random.chance(strictness);
      tries++
    ) {
      name = sectionName(random);
    }
    const used = keysBySection.get(name) ?? new Set<string>();
    keysBySection.set(name, used);
    lines.push(headerLine(random, name, strictness));
    lines.push(...sectionBody(random, strictness, used));
  }
  const style = random.int(10);
  const newline = random.pick(NEWLINES);
  let text = '';
  lines.forEach((line, i) => {
    const eol = style === 0 ? random.pick(['\n', '\r\n', '\r']) : newline;
    text += line + (i < lines.length - 1 || random.chance(0.7) ? eol : '');
  });
  if (random.chance(0.02)) text = '\ufeff' + text;
  return text;
}
