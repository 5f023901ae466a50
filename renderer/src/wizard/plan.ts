// The wizard's form as typed, turned into the contract's WizardPlan, with the contract's own schemas giving the
// as-you-type messages (one source of truth with main, which checks the same plan again).
import { WizardPlanSchema, type WizardDraft, type WizardPlan } from '../../../electron/shared/contract';

export interface RoleForm {
  profile: string;
  roleArn: string;
  region: string;
}

export interface WizardForm {
  layout: WizardDraft['layout'];
  sourceProfile: string;
  targetProfile: string;
  mfaSerial: string;
  durationHours: string;
  maxMfaAgeSeconds: number;
  keys: 'new' | 'keep' | undefined;
  roles: RoleForm[];
}

export function formFromDraft(draft: WizardDraft, keys: WizardForm['keys']): WizardForm {
  return {
    layout: draft.layout,
    sourceProfile: draft.sourceProfile,
    targetProfile: draft.targetProfile,
    mfaSerial: draft.mfaSerial ?? '',
    durationHours: String(draft.durationSeconds / 3600),
    maxMfaAgeSeconds: draft.maxMfaAgeSeconds,
    keys,
    roles: draft.roles.map((role) => ({
      profile: role.profile,
      roleArn: role.roleArn,
      region: role.region ?? draft.region ?? '',
    })),
  };
}

export function planFromForm(form: WizardForm): WizardPlan {
  return {
    layout: form.layout,
    sourceProfile: form.sourceProfile.trim(),
    targetProfile: form.targetProfile.trim(),
    mfaSerial: form.mfaSerial.trim(),
    durationSeconds: Math.round(Number(form.durationHours) * 3600),
    maxMfaAgeSeconds: form.maxMfaAgeSeconds,
    keys: form.keys ?? 'new',
    roles: form.roles.map((role) => ({
      profile: role.profile.trim(),
      roleArn: role.roleArn.trim(),
      ...(role.region.trim() && { region: role.region.trim() }),
    })),
  };
}

/** Messages keyed by field path ('mfaSerial', 'roles.0.roleArn'); empty when the plan is valid. */
export function planProblems(form: WizardForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (form.durationHours.trim() === '' || !Number.isFinite(Number(form.durationHours)))
    problems.durationSeconds = 'Type the session length in hours, e.g. 24';
  const checked = WizardPlanSchema.safeParse(planFromForm(form));
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.join('.');
      problems[path] ??= issue.message;
    }
  }
  return problems;
}

/** The fields each step owns, so a step can go on when its own fields are fine. */
export function stepHasProblems(problems: Record<string, string>, prefixes: readonly string[]): boolean {
  return Object.keys(problems).some((path) =>
    prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
  );
}
