// The application service: one handler per operation of the IPC contract, plus the pushes (stateChanged,
// tokenDialogRequested). Pure Node; electron/main and the renderer's e2e harness bind it to a transport.
import { dirname } from 'node:path';
import type { DashboardState, InvokeName, PayloadOf, RequestOf, ResponseOf, Settings, TokenDialogContext, EventName } from '../shared/ipc-contract';
import { createLabDeviceService, NO_SECRET_STORE } from '../core/lab-devices';
import type { ProfileModel } from '../core/profiles/types';
import { errorMessage } from '../shared/error-message';
import { buildDashboardState } from './dashboard-state';
import { buildExportLines, exportFormatFor, ExportLinesError } from './export-lines';
import { createLabDeviceHandlers, type LabDeviceOperationName } from './lab-devices-handlers';
import type { AppServiceDeps, CallerContext } from './ports';
import { toRenewResult, unexpectedRenewFailure } from './renew-result';
import { createSettingsStore } from './settings-store';

export type OperationHandler<K extends InvokeName> = (request: RequestOf<K>, caller: CallerContext) => Promise<ResponseOf<K>>;
export type OperationHandlers = { [K in InvokeName]: OperationHandler<K> };
/** The onboarding wizard's operations: electron/core/onboarding's createWizardService implements them. */
export type WizardOperationName = Extract<InvokeName, `wizard${string}`>;
export type WizardHandlers = { [K in WizardOperationName]: OperationHandler<K> };
type ShellOperationHandlers = Omit<OperationHandlers, WizardOperationName | LabDeviceOperationName>;

export type ServiceEvent = { [K in EventName]: { name: K; payload: PayloadOf<K> } }[EventName];
export type ServiceListener = (event: ServiceEvent) => void;

export interface AppService extends OperationHandlers {
  /** Receives every push; returns the unsubscribe. */
  subscribe(listener: ServiceListener): () => void;
  /** Loads settings and the profile model and starts watching the AWS files. */
  start(): Promise<DashboardState>;
  /** The state as of now, from the cached model (used for the tray and the minute tick). */
  currentState(): DashboardState;
  /** Re-reads the AWS files and pushes the new state. */
  refresh(): Promise<DashboardState>;
  close(): void;
}

export function createAppService(deps: AppServiceDeps): AppService {
  const { core, shell, clock, log, locations } = deps;
  const platform = deps.platform ?? process.platform;
  const store = createSettingsStore(deps.stateDir, clock);
  const listeners = new Set<ServiceListener>();
  const renewing = new Set<string>();
  let labDevices = new Set<string>();
  let model: ProfileModel | undefined;
  let settings: Settings | undefined;
  let watcher: { close(): void } | undefined;
  /** The last token dialog request, for a dialog window that loads after its push. */
  let requestedTokenDialog: TokenDialogContext | undefined;

  function emit(event: ServiceEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('A state listener failed', { event: event.name, error: errorMessage(error) });
      }
    }
  }

  async function ensureSettings(): Promise<Settings> {
    if (settings) return settings;
    const loaded = await store.load();
    for (const problem of loaded.problems) log.warn(problem);
    settings = loaded.settings;
    return settings;
  }

  async function reloadModel(): Promise<ProfileModel> {
    const next = await core.loadProfileModel();
    const devices = [...new Set(next.mfaSessions.flatMap((session) => (session.device ? [session.device] : [])))];
    const held = await Promise.all(devices.map(async (device) => ((await core.isLabDevice(device)) ? [device] : [])));
    labDevices = new Set(held.flat());
    model = next;
    return next;
  }

  function stateFrom(current: ProfileModel, currentSettings: Settings): DashboardState {
    return buildDashboardState({ model: current, settings: currentSettings, nowMs: clock.now(), locations, renewing, labDevices });
  }

  async function freshState(): Promise<DashboardState> {
    const [current, currentSettings] = await Promise.all([reloadModel(), ensureSettings()]);
    return stateFrom(current, currentSettings);
  }

  function pushState(state: DashboardState): DashboardState {
    emit({ name: 'stateChanged', payload: state });
    return state;
  }

  async function refresh(): Promise<DashboardState> {
    return pushState(await freshState());
  }

  async function cachedModel(): Promise<ProfileModel> {
    return model ?? reloadModel();
  }

  async function tokenDialogContext(target: string): Promise<TokenDialogContext | undefined> {
    const current = await cachedModel();
    const currentSettings = await ensureSettings();
    const session = current.mfaSessions.find((candidate) => candidate.target === target);
    if (!session) return undefined;
    return {
      target: session.target,
      source: session.source,
      ...(session.device !== undefined && { device: session.device }),
      durationSeconds: session.durationSeconds ?? currentSettings.defaultDurationSeconds,
      ...(session.expiration !== undefined && { expiration: session.expiration.toISOString() }),
      labDevice: session.device !== undefined && labDevices.has(session.device),
    };
  }

  const handlers: ShellOperationHandlers = {
    async getState() {
      return freshState();
    },

    async renew(request) {
      if (renewing.has(request.target)) {
        return { ok: false, kind: 'unknown', message: `A renewal of ${request.target} is already running.`, target: request.target };
      }
      renewing.add(request.target);
      if (model && settings) pushState(stateFrom(model, settings));
      try {
        const outcome = await core.renew({
          target: request.target,
          code: request.code,
          ...(request.durationSeconds !== undefined && { durationSeconds: request.durationSeconds }),
          ...(request.force !== undefined && { force: request.force }),
        });
        const result = toRenewResult(request.target, outcome);
        log.info('Renewal finished', { target: request.target, kind: result.kind });
        return result;
      } catch (error) {
        log.error('Renewal threw', { target: request.target, error: errorMessage(error) });
        return unexpectedRenewFailure(request.target);
      } finally {
        renewing.delete(request.target);
        await refresh().catch((error: unknown) => log.error('Reloading the AWS files after a renewal failed', { error: errorMessage(error) }));
      }
    },

    async getTokenDialogContext(request) {
      const context = await tokenDialogContext(request.target);
      if (!context) throw new Error(`${request.target} is not an MFA session MFA Tray knows.`);
      return context;
    },

    async getRequestedTokenDialog() {
      return { context: requestedTokenDialog ?? null };
    },

    async openTokenDialog(request) {
      const context = await tokenDialogContext(request.target);
      if (!context) return { ok: false, message: `${request.target} is not an MFA session MFA Tray knows.` };
      requestedTokenDialog = context;
      shell.showTokenDialog(context);
      emit({ name: 'tokenDialogRequested', payload: context });
      return { ok: true, message: `Enter the code for ${context.target}.` };
    },

    async closeWindow(_request, caller) {
      const hidden = shell.hideSender(caller);
      return hidden ? { ok: true, message: 'Closed.' } : { ok: false, message: 'That window is not one MFA Tray can close.' };
    },

    async openDashboard() {
      shell.openDashboard();
      return { ok: true, message: 'Dashboard opened.' };
    },

    async openWizard() {
      shell.openWizard();
      return { ok: true, message: 'Setup wizard opened.' };
    },

    async copyExportLines(request) {
      const current = await reloadModel();
      const profile = current.profiles.get(request.profile);
      if (!profile) return { ok: false, message: `There is no profile named ${request.profile}.` };
      const session = current.mfaSessions.find((candidate) => candidate.target === request.profile);
      try {
        shell.writeClipboard(buildExportLines(profile, exportFormatFor(platform), session?.expiration));
      } catch (error) {
        if (error instanceof ExportLinesError) return { ok: false, message: error.message };
        throw error;
      }
      return { ok: true, message: `Copied the environment lines for ${request.profile}; paste them into a terminal.` };
    },

    async openProfilesFolder() {
      const folder = dirname(locations.config);
      const failure = await shell.openPath(folder);
      return failure ? { ok: false, message: `Could not open ${folder}: ${failure}` } : { ok: true, message: `Opened ${folder}.` };
    },

    async getSettings() {
      return { ...(await ensureSettings()) };
    },

    async updateSettings(patch) {
      const before = await ensureSettings();
      const next = await store.update(patch);
      settings = next;
      if (next.startAtLogin !== before.startAtLogin) shell.setStartAtLogin(next.startAtLogin);
      pushState(stateFrom(await cachedModel(), next));
      return { ...next };
    },
  };

  // Without a lab-device service (harnesses), the real one runs with no secret store: it holds nothing.
  const labDeviceHandlers = createLabDeviceHandlers({
    service: deps.labDevices ?? createLabDeviceService({ stateDir: deps.stateDir, locations, env: {}, clock, cipher: NO_SECRET_STORE }),
    writeClipboard: (text) => shell.writeClipboard(text),
    log,
    refresh,
  });

  return {
    ...handlers,
    ...deps.wizard,
    ...labDeviceHandlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      const state = await freshState();
      watcher ??= core.watchAwsFiles((changed) => {
        log.info('AWS files changed', { files: changed });
        refresh().catch((error: unknown) => log.error('Reloading the AWS files failed', { error: errorMessage(error) }));
      });
      return state;
    },
    currentState() {
      if (!model || !settings) throw new Error('The app service has not started yet.');
      return stateFrom(model, settings);
    },
    refresh,
    close() {
      watcher?.close();
      watcher = undefined;
      listeners.clear();
    },
  };
}
