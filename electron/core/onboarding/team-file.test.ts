import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WizardDraft } from '../../shared/contract';
import { DEFAULT_MAX_MFA_AGE_SECONDS, DEFAULT_SOURCE_PROFILE, DEFAULT_TARGET_PROFILE } from '../../shared/vocabulary';
import { draftFromTeamFile, parseTeamFile } from './team-file';

const documentedExample =
  /```json\n([\s\S]*?)```/.exec(readFileSync(new URL('../../../docs/team-file.md', import.meta.url), 'utf8'))?.[1] ??
  '';

const baseDraft: WizardDraft = {
  layout: 'session-chain',
  sourceProfile: DEFAULT_SOURCE_PROFILE,
  targetProfile: DEFAULT_TARGET_PROFILE,
  durationSeconds: 43200,
  maxMfaAgeSeconds: DEFAULT_MAX_MFA_AGE_SECONDS,
  roles: [],
  repositories: [],
};

function withChanges(change: (team: Record<string, unknown>) => void): string {
  const team = JSON.parse(documentedExample) as Record<string, unknown>;
  change(team);
  return JSON.stringify(team, null, 2);
}

function problemsOf(text: string): { path: string; message: string }[] {
  const result = parseTeamFile(text);
  if (result.ok) throw new Error('expected the team file to be rejected');
  return result.problems;
}

describe('team file', () => {
  it('accepts the example documented in docs/team-file.md and fills the wizard draft from it', () => {
    expect(documentedExample).toContain('mfa-tray-team-file');
    const result = parseTeamFile(documentedExample);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(draftFromTeamFile(result.team, baseDraft)).toEqual({
      layout: 'session-chain',
      sourceProfile: 'FetchMfaCredentials',
      targetProfile: 'MyRepositoryAssumer',
      durationSeconds: 86400,
      maxMfaAgeSeconds: 86400,
      region: 'eu-west-1',
      roles: [
        {
          profile: 'MyRepositoryContributor',
          roleArn: 'arn:aws:iam::222222222222:role/MyRepositoryContributorRole',
          region: 'eu-west-1',
        },
      ],
      repositories: [{ name: 'myRepository', region: 'eu-west-1', roleProfile: 'MyRepositoryContributor' }],
    });
  });

  it('accepts a byte-order mark and the minimal file, keeping the defaults', () => {
    const result = parseTeamFile('\uFEFF{"format":"mfa-tray-team-file","version":1}');
    if (!result.ok) throw new Error(result.message);
    expect(draftFromTeamFile(result.team, baseDraft)).toEqual(baseDraft);
  });

  it('places a JSON syntax error at its line and column', () => {
    expect(problemsOf('{\n  "format": "mfa-tray-team-file",\n}')).toEqual([
      { path: 'line 3 column 1', message: expect.stringMatching(/property name/) },
    ]);
  });

  it('names unknown keys, so typos are not silently ignored', () => {
    const problems = problemsOf(withChanges((team) => (team.regoin = 'eu-west-1')));
    expect(problems).toEqual([{ path: '(file)', message: expect.stringContaining('"regoin"') }]);
  });

  it('says which field is wrong and how it should look', () => {
    const problems = problemsOf(
      withChanges((team) => {
        team.roles = [{ profile: 'MyRepositoryContributor', roleArn: 'arn:aws:iam::2222:role/X' }];
        team.accounts = { users: 111111111111 };
      }),
    );
    expect(problems).toContainEqual({
      path: 'roles[0].roleArn',
      message: 'A role ARN looks like arn:aws:iam::123456789012:role/NAME',
    });
    expect(problems).toContainEqual({ path: 'accounts.users', message: 'Expected string, found number 111111111111' });
  });

  it('rejects a session longer than the MFA age limit, explaining why', () => {
    const problems = problemsOf(withChanges((team) => (team.session = { durationSeconds: 129600 })));
    expect(problems).toEqual([
      { path: 'session.durationSeconds', message: expect.stringContaining('aws:MultiFactorAuthAge') },
    ]);
  });

  it('rejects a role outside the listed accounts, a repository without a known role, missing regions and reused profile names', () => {
    const problems = problemsOf(
      withChanges((team) => {
        delete team.region;
        team.roles = [
          { profile: 'FetchMfaCredentials', roleArn: 'arn:aws:iam::333333333333:role/Other', region: 'eu-west-1' },
        ];
        team.repositories = [{ name: 'myRepository', roleProfile: 'Nope' }];
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'roles[0].profile',
      'roles[0].roleArn',
      'repositories[0].region',
      'repositories[0].roleProfile',
    ]);
    expect(problems[1]?.message).toContain('333333333333');
  });

  it('refuses a file that carries credentials, naming the key', () => {
    const result = parseTeamFile(withChanges((team) => (team.session = { secretAccessKey: 'x'.repeat(40) })));
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'session.secretAccessKey' }] });
    expect(JSON.stringify(result)).not.toContain('x'.repeat(40));
  });

  it('requires the format marker and a known version', () => {
    expect(problemsOf('{"version":2}').map((problem) => problem.path)).toEqual(['format', 'version']);
    expect(problemsOf('[]')).toEqual([{ path: '(file)', message: 'Expected object, found a list' }]);
  });
});
