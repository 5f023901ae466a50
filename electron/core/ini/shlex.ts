// Python's shlex.split(text) (POSIX mode, no comments): botocore splits `profile NAME` headers with it.

/** Thrown where Python raises ValueError; botocore then skips the section. */
export class ShlexError extends Error {}

const WHITESPACE = ' \t\r\n';

const PLAIN_WORDS = /^[^'"\\]*$/;
const WHITESPACE_RUN = /[ \t\r\n]+/;

export function shlexSplit(text: string): string[] {
  // Without quotes or backslashes shlex only splits at whitespace (the usual `profile NAME`).
  if (PLAIN_WORDS.test(text)) return text.split(WHITESPACE_RUN).filter((word) => word !== '');
  const words: string[] = [];
  let i = 0;
  for (;;) {
    let token = '';
    let quoted = false;
    let inWord = false;
    // Skip whitespace between words.
    while (i < text.length && WHITESPACE.includes(text[i] as string)) i++;
    if (i >= text.length) return words;
    while (i < text.length) {
      const ch = text[i] as string;
      if (WHITESPACE.includes(ch)) break;
      i++;
      if (ch === '\\') {
        if (i >= text.length) throw new ShlexError('No escaped character');
        token += text[i];
        i++;
      } else if (ch === '"' || ch === "'") {
        quoted = true;
        for (;;) {
          if (i >= text.length) throw new ShlexError('No closing quotation');
          const q = text[i] as string;
          i++;
          if (q === ch) break;
          if (ch === '"' && q === '\\') {
            if (i >= text.length) throw new ShlexError('No escaped character');
            const escaped = text[i] as string;
            i++;
            // Inside double quotes only the quote and the backslash itself can be escaped.
            if (escaped !== '"' && escaped !== '\\') token += '\\';
            token += escaped;
          } else {
            token += q;
          }
        }
      } else {
        token += ch;
      }
      inWord = true;
    }
    if (inWord && (token !== '' || quoted)) words.push(token);
  }
}
