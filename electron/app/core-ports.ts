// Binds the app service's core ports to the real modules: the profile model, renewal (with the dialog's code as
// its code source) and the file watcher. Kept apart from the service so tests and harnesses can swap any port.
import { watchAwsFiles } from '../core/aws-files';
import { loadProfileModel } from '../core/profiles';
import { renew, renewDeviceRoles } from '../core/renewal';
import type { Clock } from '../core/time/clock';
import type { AwsFileLocations, CorePorts } from './ports';

export interface CorePortsOptions {
  locations: AwsFileLocations;
  stateDir: string;
  /** Read for AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL and the like (tests point STS at the emulator here). */
  env: NodeJS.ProcessEnv;
  clock: Clock;
  isLabDevice: (device: string) => Promise<boolean>;
  watchDebounceMs?: number;
}

export function createCorePorts(options: CorePortsOptions): CorePorts {
  const { locations, stateDir, env, clock } = options;
  return {
    loadProfileModel: () => loadProfileModel(locations),
    renew: async (request) => {
      // The dialog already has the code; renewal checks its format and the used-window guard.
      const codeSource = { getCode: async () => request.code };
      if (request.allRolesOf !== undefined)
        return (
          await renewDeviceRoles(
            { device: request.allRolesOf, codeSource, ...(request.force !== undefined && { force: request.force }) },
            { locations, stateDir, env, clock },
          )
        ).outcome;
      return renew(
        {
          target: request.target,
          codeSource,
          ...(request.durationSeconds !== undefined && { durationSeconds: request.durationSeconds }),
          ...(request.force !== undefined && { force: request.force }),
        },
        { locations, stateDir, env, clock },
      );
    },
    watchAwsFiles: (onChange) =>
      watchAwsFiles(
        locations,
        onChange,
        options.watchDebounceMs === undefined ? {} : { debounceMs: options.watchDebounceMs },
      ),
    isLabDevice: options.isLabDevice,
  };
}
