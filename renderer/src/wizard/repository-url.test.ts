import { describe, expect, it } from 'vitest';
import { repositoryFromUrl } from './repository-url';

const roles = ['MyRepositoryContributor'];

describe('a clone URL pasted as the repository name', () => {
  it("fills the name, the region and the role profile from git-remote-codecommit's URL, and says what it needs", () => {
    const pasted = repositoryFromUrl('codecommit::eu-west-1://MyRepositoryContributor@myRepository', roles);
    expect(pasted?.change).toEqual({
      name: 'myRepository',
      region: 'eu-west-1',
      roleProfile: 'MyRepositoryContributor',
    });
    expect(pasted?.note).toMatch(/git-remote-codecommit.*botocore.*fresh/);
  });

  it('names a profile the URL has that is not a role profile of this setup, and leaves the choice alone', () => {
    const pasted = repositoryFromUrl('codecommit://Someone@myRepository', roles);
    expect(pasted?.change).toEqual({ name: 'myRepository' });
    expect(pasted?.note).toContain('Someone is not one of the role profiles');
  });

  it('takes the HTTPS URL without a note, and leaves a plain name to the name field', () => {
    expect(repositoryFromUrl('https://git-codecommit.us-east-2.amazonaws.com/v1/repos/r', roles)).toEqual({
      change: { name: 'r', region: 'us-east-2' },
    });
    expect(repositoryFromUrl('myRepository', roles)).toBeUndefined();
  });
});
