// A clone URL pasted into the repository name: the console's HTTPS URL or git-remote-codecommit's
// `codecommit::REGION://PROFILE@REPO` fills the name, the region and the role profile the URL names.
import { gitRemoteCodeCommitNote, parseCodeCommitUrl } from '../../../electron/shared/codecommit-url';
import type { RepositoryForm } from './RepositoryStep';

export interface PastedRepository {
  change: Partial<RepositoryForm>;
  /** What the URL told us that the person should know (the profile it names, git-remote-codecommit). */
  note?: string;
}

export function repositoryFromUrl(text: string, roleProfiles: readonly string[]): PastedRepository | undefined {
  const remote = parseCodeCommitUrl(text);
  if (!remote) return undefined;
  const change: Partial<RepositoryForm> = { name: remote.repository };
  if (remote.region !== undefined) change.region = remote.region;
  if (remote.profile !== undefined && roleProfiles.includes(remote.profile)) change.roleProfile = remote.profile;
  if (remote.via === 'https') return { change };
  const unknownProfile =
    remote.profile !== undefined && !roleProfiles.includes(remote.profile)
      ? ` The URL's profile ${remote.profile} is not one of the role profiles above: choose the one it should be.`
      : '';
  return {
    change,
    note: `${gitRemoteCodeCommitNote(remote)} The wizard clones over HTTPS with the helper chosen below; clones that use git-remote-codecommit keep working as long as the session is fresh.${unknownProfile}`,
  };
}
