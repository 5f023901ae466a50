// CodeCommit clone URLs as people paste them: the HTTPS URL the console shows (git asks a credential helper), and
// git-remote-codecommit's `codecommit::REGION://PROFILE@REPO` / `codecommit://PROFILE@REPO`. That Python remote
// helper never asks git's credential helpers: it signs each fetch and push itself with the profile through botocore
// (role keys from the AWS CLI's cache, ~/.aws/cli/cache, else an AssumeRole with the profile's source keys), so the
// MFA session behind the profile must be fresh beforehand — which the tray and `git mfa` see to.

export interface CodeCommitRemote {
  /** How git reaches the repository: HTTPS with a credential helper, or the git-remote-codecommit helper. */
  via: 'https' | 'git-remote-codecommit';
  repository: string;
  /** The region the URL names; without one (`codecommit://…`) git-remote-codecommit uses the profile's region. */
  region?: string;
  /** git-remote-codecommit's `PROFILE@`; without one it uses botocore's default profile (AWS_PROFILE, else default). */
  profile?: string;
}

/** git-remote-codecommit's own test for a region in the scheme (`^[a-z]{2}-\w*.*-\d{1}`), made whole. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const REPOSITORY = /^[\w.-]{1,100}$/;
const HTTPS_HOST = /^git-codecommit(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?(:\d+)?$/;

/** The repository a CodeCommit clone URL names, or undefined for any other URL (or a malformed one). */
export function parseCodeCommitUrl(text: string): CodeCommitRemote | undefined {
  const url = text.trim();
  const remote = /^codecommit(?:::([^:/]+))?:\/\/(?:([^@/]+)@)?([^@/]+)$/.exec(url);
  if (remote) {
    const [, region, profile, repository] = remote;
    if (region !== undefined && !REGION.test(region)) return undefined;
    if (!REPOSITORY.test(repository!)) return undefined;
    return {
      via: 'git-remote-codecommit',
      repository: repository!,
      ...(region !== undefined && { region }),
      ...(profile !== undefined && { profile }),
    };
  }
  const https = /^https:\/\/(?:[^@/]*@)?([^/]+)\/v1\/repos\/([^/?#]+?)\/?$/.exec(url);
  const host = https && HTTPS_HOST.exec(https[1]!);
  if (!https || !host || !REGION.test(host[2]!) || !REPOSITORY.test(https[2]!)) return undefined;
  return { via: 'https', repository: https[2]!, region: host[2]! };
}

/** What to tell someone whose clone uses git-remote-codecommit: which profile signs, and what keeps it working. */
export function gitRemoteCodeCommitNote(remote: CodeCommitRemote): string {
  const profile = remote.profile ?? 'your default AWS profile (AWS_PROFILE, else default)';
  return `git-remote-codecommit (a Python helper) signs every fetch and push itself with ${remote.profile ? `the profile ${profile}` : profile} through botocore, without asking git's credential helpers: its MFA session must be fresh before git runs, which the MFA Tray icon and \`git mfa\` take care of.`;
}
