// One differential run: `count` seeded random texts, read by us and by botocore (one Python process).
import { botocoreRead } from './oracle';
import { differences } from './compare';
import { generateIniText } from './generator';
import { Random } from './random';

export interface DifferentialFailure {
  index: number;
  text: string;
  problems: string[];
}

export interface DifferentialReport {
  seed: number;
  count: number;
  accepted: number;
  rejected: number;
  failures: DifferentialFailure[];
}

export function runDifferential(seed: number, count: number): DifferentialReport {
  const random = new Random(seed);
  const texts = Array.from({ length: count }, () => generateIniText(random));
  const verdicts = botocoreRead(texts);
  const failures: DifferentialFailure[] = [];
  let accepted = 0;
  texts.forEach((text, index) => {
    const verdict = verdicts[index];
    if (verdict === undefined) throw new Error(`no botocore verdict for text ${index}`);
    if (verdict.ok) accepted++;
    const problems = differences(text, verdict);
    if (problems.length > 0) failures.push({ index, text, problems });
  });
  return { seed, count, accepted, rejected: count - accepted, failures };
}
