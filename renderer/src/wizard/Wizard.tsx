// The onboarding wizard: seven steps that build the contributor setup of the scenario, each validated as you
// type; Back always works; nothing is written before the review step.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WizardDraft, WizardKeysResult, WizardStart } from '../../../electron/shared/contract';
import { Loading } from '../common/Loading';
import { StatusMessage, useStatus } from '../common/StatusMessage';
import { TopBar } from '../common/TopBar';
import { useBridgeCall, useBridgeLoad } from '../common/use-bridge-call';
import { DeviceStep } from './DeviceStep';
import { KeysStep } from './KeysStep';
import { NamesStep } from './NamesStep';
import { formFromDraft, planFromForm, planProblems, stepHasProblems, type WizardForm } from './plan';
import { RepositoryStep, repositoryProblems, type RepositoryForm } from './RepositoryStep';
import { ReviewStep } from './ReviewStep';
import { RolesStep } from './RolesStep';
import { TeamFileStep } from './TeamFileStep';

const TITLE = 'Set up MFA profiles';

const STEPS = [
  'Team file',
  'Access keys',
  'MFA device',
  'Session and names',
  'Roles',
  'Repository',
  'Review and write',
] as const;

export function Wizard() {
  const { load } = useBridgeLoad('The wizard could not start', (api) => api.wizardStart());
  if (load.status !== 'ready') return <Loading load={load} title={TITLE} label="Reading your AWS files…" />;
  return <WizardSteps start={load.value} />;
}

function repositoryFromDraft(draft: WizardDraft): RepositoryForm {
  const first = draft.repositories[0];
  return {
    enabled: first !== undefined,
    name: first?.name ?? '',
    region: first?.region ?? draft.region ?? '',
    roleProfile: first?.roleProfile ?? '',
    parentFolder: '',
    credentialHelper: 'mfa-tray',
  };
}

function WizardSteps({ start }: { start: WizardStart }) {
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<WizardForm>(() =>
    formFromDraft(start.draft, start.existing?.accessKeyId ? 'keep' : undefined),
  );
  const [repository, setRepository] = useState<RepositoryForm>(() => repositoryFromDraft(start.draft));
  const [keys, setKeys] = useState<WizardKeysResult>();
  const [written, setWritten] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, show] = useStatus();
  const { run } = useBridgeCall(show);

  const problems = useMemo(() => planProblems(form), [form]);
  const plan = useMemo(() => planFromForm(form), [form]);
  const change = (partial: Partial<WizardForm>) => setForm((current) => ({ ...current, ...partial }));

  const onKeys = useCallback((result: WizardKeysResult | undefined, mode: 'new' | 'keep') => {
    setKeys(result);
    setForm((current) => ({
      ...current,
      keys: result?.ok ? mode : undefined,
      mfaSerial: current.mfaSerial || (result?.ok && result.suggestedMfaSerial) || current.mfaSerial,
    }));
  }, []);

  // Focus moves to the new step's heading, so keyboard and screen-reader users start at its top.
  useEffect(() => heading.current?.focus(), [step]);

  const canContinue = [
    true,
    keys?.ok === true,
    !stepHasProblems(problems, ['mfaSerial']),
    !stepHasProblems(problems, ['durationSeconds', 'sourceProfile', 'targetProfile']),
    !stepHasProblems(problems, ['roles']),
    Object.keys(
      repositoryProblems(
        repository,
        plan.roles.map((role) => role.profile),
      ),
    ).length === 0,
    written,
  ][step];

  const close = () => run('Could not close the wizard', (api) => api.closeWindow());
  const finish = () => run('Could not open the dashboard', (api) => api.openDashboard(), close);
  const cancel = () => run('Could not discard the keys', (api) => api.wizardDiscard(), close);

  return (
    <div className="app wizard">
      <TopBar title={TITLE}>
        <ol className="steps" aria-label="Steps">
          {STEPS.map((name, index) => (
            <li
              key={name}
              aria-current={index === step ? 'step' : undefined}
              className={index < step ? 'done' : undefined}
            >
              <span className="step-number">{index + 1}</span> {name}
            </li>
          ))}
        </ol>
      </TopBar>
      <main className="page narrow">
        {start.problems.length > 0 && (
          <div className="error-box" role="alert">
            <p>MFA Tray never rewrites a file it cannot read. Fix these first:</p>
            <ul>
              {start.problems.map((problem) => (
                <li key={`${problem.file}:${problem.line}`}>
                  <span className="mono">
                    {problem.file}:{problem.line}
                  </span>{' '}
                  — {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <h2 ref={heading} tabIndex={-1}>
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {step === 0 && (
          <TeamFileStep
            onImported={(draft) => {
              setForm((current) => ({
                ...formFromDraft(draft, current.keys),
                mfaSerial: current.mfaSerial || draft.mfaSerial || '',
              }));
              setRepository(repositoryFromDraft(draft));
            }}
          />
        )}
        {step === 1 && (
          <KeysStep existing={start.existing} sourceProfile={form.sourceProfile} result={keys} onResult={onKeys} />
        )}
        {step === 2 && (
          <DeviceStep
            value={form.mfaSerial}
            error={problems.mfaSerial}
            keys={keys}
            onValue={(mfaSerial) => change({ mfaSerial })}
          />
        )}
        {step === 3 && <NamesStep form={form} problems={problems} onChange={change} />}
        {step === 4 && <RolesStep form={form} problems={problems} onRoles={(roles) => change({ roles })} />}
        {step === 5 && (
          <RepositoryStep
            report={show}
            form={repository}
            roleProfiles={plan.roles.map((role) => role.profile)}
            onChange={(partial) => setRepository((current) => ({ ...current, ...partial }))}
          />
        )}
        {step === 6 && <ReviewStep plan={plan} repository={repository} onWritten={setWritten} />}
        <StatusMessage status={status} />
        <div className="buttons wizard-nav">
          {!written && (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          )}
          {step > 0 && !written && (
            <button type="button" onClick={() => setStep(step - 1)}>
              Back
            </button>
          )}
          {step < STEPS.length - 1 ? (
            <button type="button" className="primary" onClick={() => setStep(step + 1)} disabled={!canContinue}>
              Next
            </button>
          ) : (
            <button type="button" className="primary" onClick={finish} disabled={!written}>
              Finish
            </button>
          )}
        </div>
      </main>
    </div>
  );
}
