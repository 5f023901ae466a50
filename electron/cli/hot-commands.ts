// The command lines other programs run many times a minute (git's credential helper, an SDK's credential_process),
// recognised without commander so that they load only what they use. Only the exact shapes git and our setup write
// are taken; anything else (help, a typo, an option in another spelling) goes to the full program, which answers it
// as before.

export interface GitCredentialLine {
  profile: string;
  operation: string;
  options: { source?: string; anyHost?: boolean };
}

/** `git-credential PROFILE [--source P | --source=P] [--any-host] OPERATION`, options anywhere after the name. */
export function gitCredentialLine(args: readonly string[]): GitCredentialLine | undefined {
  if (args[0] !== 'git-credential') return undefined;
  const positionals: string[] = [];
  const options: GitCredentialLine['options'] = {};
  for (let i = 1; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--any-host' && options.anyHost === undefined) options.anyHost = true;
    else if (arg === '--source' && options.source === undefined && isValue(args[i + 1])) options.source = args[++i];
    else if (arg.startsWith('--source=') && options.source === undefined && isValue(arg.slice(9)))
      options.source = arg.slice(9);
    else if (isValue(arg)) positionals.push(arg);
    else return undefined;
  }
  const [profile, operation, ...extra] = positionals;
  if (profile === undefined || operation === undefined || extra.length > 0) return undefined;
  return { profile, operation, options };
}

/** `credential-process PROFILE`, as the wizard and the README write it into a profile's credential_process. */
export function credentialProcessLine(args: readonly string[]): { profile: string } | undefined {
  const [command, profile, ...extra] = args;
  if (command !== 'credential-process' || !isValue(profile) || extra.length > 0) return undefined;
  return { profile };
}

function isValue(arg: string | undefined): arg is string {
  return arg !== undefined && arg !== '' && !arg.startsWith('-');
}
