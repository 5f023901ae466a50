// The texts the crash test writes: version N is fully determined by N and big enough (~8 KB, several disk
// blocks) that a torn or partial write could not pass for a complete version.
export function crashTestVersion(version: number): string {
  const filler = version.toString(36).repeat(8);
  const padding = Array.from({ length: 200 }, (_, index) => `pad_${index} = ${filler}-${index}\n`).join('');
  return `# written by the crash test\n[default]\nversion = ${version}\n${padding}`;
}

/** The version a text claims to be (0 for an empty or foreign text). */
export function crashTestVersionOf(text: string): number {
  const match = /^version = (\d+)$/m.exec(text);
  return match === null ? 0 : Number(match[1]);
}
