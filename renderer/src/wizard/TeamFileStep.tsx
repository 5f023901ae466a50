// Step 1: the administrator's team file fills in accounts, device naming, roles and repositories.
import { useRef, useState } from 'react';
import type { WizardDraft, WizardTeamFileResult } from '../../../electron/shared/contract';
import { useBridgeCall } from '../common/use-bridge-call';

export function TeamFileStep({ onImported }: { onImported: (draft: WizardDraft) => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<WizardTeamFileResult>();
  const { run } = useBridgeCall((failure) => setResult({ ok: false, message: failure.message, problems: [] }));
  // Each keystroke sends the text again: only the answer for the newest text counts.
  const cancelPrevious = useRef<() => void>(undefined);
  const importText = (value: string) => {
    setText(value);
    cancelPrevious.current?.();
    if (!value.trim()) return setResult(undefined);
    cancelPrevious.current = run(
      'Could not read the team file',
      (api) => api.wizardImportTeamFile({ text: value }),
      (answer) => {
        setResult(answer);
        if (answer.ok && answer.draft) onImported(answer.draft);
      },
    );
  };
  return (
    <>
      <p className="why">
        Your administrator's team file fills in the accounts, roles and repository for you, so you only add your own
        keys.
      </p>
      <div className="field">
        <label htmlFor="team-file-pick">Team file (optional)</label>
        <input
          id="team-file-pick"
          type="file"
          accept=".json,.yaml,.yml,.txt,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(importText);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="team-file-text">…or paste its contents</label>
        <textarea
          id="team-file-text"
          rows={6}
          value={text}
          onChange={(event) => importText(event.target.value)}
          spellCheck={false}
          aria-describedby="team-file-result"
        />
      </div>
      <div
        id="team-file-result"
        role="status"
        className={result ? (result.ok ? 'ok-box' : 'error-box') : 'error-box empty'}
      >
        {result && <p>{result.ok ? `${result.team ? `${result.team}: ` : ''}${result.message}` : result.message}</p>}
        {result && result.problems.length > 0 && (
          <ul>
            {result.problems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>
                <span className="mono">{problem.path}</span> — {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="muted">No team file? Go on: the next steps ask for each value and explain it.</p>
    </>
  );
}
