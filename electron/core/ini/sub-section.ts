// botocore's sub-section values (`s3 =` followed by indented `k = v` lines), shared by both readers.
import { emptyRecord } from './empty-record';
import { pySplitlines, pyStrip } from './python-text';

export type SubSectionResult = { ok: true; nested: Record<string, string> } | { ok: false; badPart: number };

/**
 * botocore's sub-section parser over the stripped lines of a value: `k = v` pairs, blank lines skipped.
 * On a line without '=' it answers which part holds it, for the caller's error.
 */
export function parseSubSection(parts: readonly string[]): SubSectionResult {
  const nested = emptyRecord<string>();
  for (let index = 0; index < parts.length; index++) {
    for (const subLine of pySplitlines(parts[index] as string)) {
      const text = pyStrip(subLine);
      if (text === '') continue;
      const eq = text.indexOf('=');
      if (eq < 0) return { ok: false, badPart: index };
      nested[pyStrip(text.slice(0, eq))] = pyStrip(text.slice(eq + 1));
    }
  }
  return { ok: true, nested };
}
