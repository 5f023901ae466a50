import { describe, expect, it } from 'vitest';
import { gitRemoteCodeCommitNote, parseCodeCommitUrl } from './codecommit-url';

describe('CodeCommit clone URLs', () => {
  it("read git-remote-codecommit's forms: region and profile when given", () => {
    expect(parseCodeCommitUrl('codecommit::eu-west-1://MyRepositoryContributor@myRepository')).toEqual({
      via: 'git-remote-codecommit',
      repository: 'myRepository',
      region: 'eu-west-1',
      profile: 'MyRepositoryContributor',
    });
    expect(parseCodeCommitUrl('codecommit://MyRepositoryContributor@myRepository')).toEqual({
      via: 'git-remote-codecommit',
      repository: 'myRepository',
      profile: 'MyRepositoryContributor',
    });
    expect(parseCodeCommitUrl(' codecommit::us-gov-west-1://my.repo_1 ')).toEqual({
      via: 'git-remote-codecommit',
      repository: 'my.repo_1',
      region: 'us-gov-west-1',
    });
  });

  it('read the HTTPS URLs the console shows, FIPS, China and a user name included', () => {
    expect(parseCodeCommitUrl('https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/myRepository')).toEqual({
      via: 'https',
      repository: 'myRepository',
      region: 'eu-west-1',
    });
    expect(parseCodeCommitUrl('https://git-codecommit-fips.us-east-2.amazonaws.com/v1/repos/r/')?.region).toBe(
      'us-east-2',
    );
    expect(parseCodeCommitUrl('https://me@git-codecommit.cn-north-1.amazonaws.com.cn/v1/repos/r')?.region).toBe(
      'cn-north-1',
    );
  });

  it('refuse other hosts, a region that is not one, and names CodeCommit would not take', () => {
    for (const url of [
      'https://github.com/aws/git-remote-codecommit',
      'https://git-codecommit.eu-west-1.amazonaws.com.evil.example/v1/repos/r',
      'codecommit::notaregion://p@repo',
      'codecommit://p@repo/extra',
      'codecommit://p@',
      'codecommit://a@b@c',
      'codecommit::eu-west-1://p@bad name',
      'ssh://git-codecommit.eu-west-1.amazonaws.com/v1/repos/r',
      '',
    ]) {
      expect(parseCodeCommitUrl(url), url).toBeUndefined();
    }
  });

  it('explain which profile git-remote-codecommit signs with and that its session must be fresh', () => {
    const note = gitRemoteCodeCommitNote(parseCodeCommitUrl('codecommit::eu-west-1://Contributor@repo')!);
    expect(note).toContain('the profile Contributor');
    expect(note).toContain('botocore');
    expect(note).toContain('`git mfa`');
    expect(gitRemoteCodeCommitNote(parseCodeCommitUrl('codecommit://repo')!)).toContain('AWS_PROFILE');
  });
});
