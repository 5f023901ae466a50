// `mfa-tray`: the terminal face of MFA Tray. The git helper's command line skips commander and every other command's
// modules (git runs it on each fetch and push); everything else goes through the full program.
import { gitCredentialLine } from './hot-commands';
import { quietSdkNotice } from './sdk-notice';

const args = process.argv.slice(2);
const gitLine = gitCredentialLine(args);
if (gitLine) {
  quietSdkNotice();
  const { gitCredential } = await import('./commands/git-credential');
  await gitCredential(gitLine.profile, gitLine.operation, gitLine.options);
} else {
  const { runCli } = await import('./program');
  await runCli(args);
}
