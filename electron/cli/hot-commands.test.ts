import { describe, expect, it } from 'vitest';
import { credentialProcessLine, gitCredentialLine } from './hot-commands';

describe("git's command line for the credential helper", () => {
  it('is taken in the shapes git and our setup write, options before or after the profile', () => {
    expect(gitCredentialLine(['git-credential', 'MyRepositoryContributor', 'get'])).toEqual({
      profile: 'MyRepositoryContributor',
      operation: 'get',
      options: {},
    });
    expect(
      gitCredentialLine(['git-credential', 'MyRepositoryAssumer', '--source', 'FetchMfaCredentials', 'store']),
    ).toEqual({ profile: 'MyRepositoryAssumer', operation: 'store', options: { source: 'FetchMfaCredentials' } });
    expect(gitCredentialLine(['git-credential', '--any-host', '--source=S', 'Role', 'get'])).toEqual({
      profile: 'Role',
      operation: 'get',
      options: { source: 'S', anyHost: true },
    });
  });

  it('leaves everything else to the full program: help, unknown or repeated options, missing or extra words', () => {
    for (const args of [
      ['renew', 'MyRepositoryAssumer'],
      ['git-credential', '--help'],
      ['git-credential', 'Role', 'get', '-h'],
      ['git-credential', 'Role'],
      ['git-credential', 'Role', 'get', 'extra'],
      ['git-credential', 'Role', '--source'],
      ['git-credential', 'Role', '--source', '--any-host', 'get'],
      ['git-credential', 'Role', '--source=', 'get'],
      ['git-credential', 'Role', '--source', 'A', '--source', 'B', 'get'],
      ['git-credential', 'Role', '--', 'get'],
      ['git-credential', 'Role', '--unknown', 'get'],
      ['git-credential', '', 'get'],
    ]) {
      expect(gitCredentialLine(args), args.join(' ')).toBeUndefined();
    }
  });
});

describe("an SDK's command line for credential_process", () => {
  it('is taken as the wizard and the README write it', () => {
    expect(credentialProcessLine(['credential-process', 'MyRepositoryAssumer'])).toEqual({
      profile: 'MyRepositoryAssumer',
    });
  });

  it('leaves help, options and extra words to the full program', () => {
    for (const args of [
      ['credential-process'],
      ['credential-process', '--help'],
      ['credential-process', 'P', '-h'],
      ['credential-process', 'P', 'extra'],
      ['credential-process', ''],
      ['status', 'P'],
    ]) {
      expect(credentialProcessLine(args), args.join(' ')).toBeUndefined();
    }
  });
});
