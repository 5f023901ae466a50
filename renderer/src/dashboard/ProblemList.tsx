// Parse problems are never hidden: file, line and what is wrong, so the user can fix it in an editor.
import type { FileProblemView } from '../../../electron/shared/contract';

export function ProblemList({ problems }: { problems: readonly FileProblemView[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">
        {problems.length === 1 ? 'A problem' : `${problems.length} problems`} in your AWS files
      </h2>
      <p>
        MFA Tray does not write to a file it cannot read safely. Fix these in a text editor; the dashboard updates by
        itself.
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.file}:${problem.line}:${index}`}>
            <span className="mono">
              {problem.file}
              {problem.line > 0 ? `:${problem.line}` : ''}
            </span>{' '}
            <span className="muted">
              ({problem.fileRole} file{problem.line > 0 ? `, line ${problem.line}` : ''})
            </span>{' '}
            — {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
