// The application service: what the desktop app does, as plain domain methods (renew, open the token dialog,
// change settings, the expiry schedule…) plus the pushes (stateChanged, tokenDialogRequested). It knows nothing of
// IPC: ipc-handlers.ts adapts it to the contract's operation table, and in-process callers (tray, notifications,
// lab auto-renewal) call it directly. Pure Node; electron/main and the e2e harness bind it to a transport.
import { dirname } from 'node:path';
import type { ProfileModel } from '../core/profiles/types';
import type { Caller, PromptAnswer } from '../core/prompt-broker';
import { renewalTargetState } from '../core/renewal';
import { systemClock } from '../core/time/clock';
import type {
  ActionResult,
  DashboardState,
  EventName,
  PayloadOf,
  RenewResult,
  TokenDialogContext,
} from '../shared/contract';
import { ROLE_CHAINING_MAX_SECONDS, ROLE_DURATION, type Settings } from '../shared/vocabulary';
import { buildDashboardState } from './dashboard-state';
import { buildExportLines, exportFormatFor, ExportLinesError } from './export-lines';
import { createLabDeviceActions, type LabDeviceActions } from './lab-device-actions';
import { createPromptBroker, type BrokerConnection } from './prompt-broker';
import type { AppServiceDeps, RenewRequest, WizardOperations } from './ports';
import { renewalAlreadyRunning, toRenewResult, unexpectedRenewFailure } from './renew-result';
import { createSettingsStore } from './settings-store';
import { errorMessage } from '../shared/error-message';

export type ServiceEvent = { [K in EventName]: { name: K; payload: PayloadOf<K> } }[EventName];
export type ServiceListener = (event: ServiceEvent) => void;

/** What the expiry scheduler plans from: the cached model's sessions and roles. */
export type ExpirySchedule = Pick<ProfileModel, 'mfaSessions' | 'roles'>;

/** A session as the lab auto-renewer sees it. */
export interface LabSessionFacts {
  /** The session's device is one whose secret MFA Tray holds. */
  labDevice: boolean;
  expiration?: Date;
}

export interface AppService {
  /** Receives every push; returns the unsubscribe. */
  subscribe(listener: ServiceListener): () => void;
  /** Loads settings and the profile model and starts watching the AWS files. */
  start(): Promise<DashboardState>;
  /** Re-reads the AWS files (without pushing). */
  state(): Promise<DashboardState>;
  /** The state as of now, from the cached model (used for the tray and the minute tick). */
  currentState(): DashboardState;
  /** Re-reads the AWS files and pushes the new state. */
  refresh(): Promise<DashboardState>;
  /** The sessions and roles the notifications are planned from, as of the last read. */
  expirySchedule(): ExpirySchedule;
  /** The lab auto-renewer's view of one session, as of the last read; undefined when there is no such session. */
  labSession(target: string): LabSessionFacts | undefined;
  renew(request: RenewRequest): Promise<RenewResult>;
  /** Throws when the target is not an MFA session MFA Tray knows. */
  tokenDialogContext(target: string): Promise<TokenDialogContext>;
  /** The last token dialog request, for a dialog window that loads after its push. */
  requestedTokenDialog(): TokenDialogContext | null;
  openTokenDialog(target: string): Promise<ActionResult>;
  /** "Renew all roles of this device": the token dialog for one code that renews every MFA role of `device`. */
  openDeviceRolesDialog(device: string): Promise<ActionResult>;
  openDashboard(): ActionResult;
  openWizard(): ActionResult;
  copyExportLines(profile: string): Promise<ActionResult>;
  openProfilesFolder(): Promise<ActionResult>;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /**
   * A program without a terminal (over the prompt socket) needs `target` renewed: shows the token dialog naming
   * the caller and resolves once the session is valid, the dialog is closed, or the wait setting runs out. Callers
   * for sessions of one device share one dialog.
   */
  requestRenewalFor(caller: Caller, target: string, connection: BrokerConnection): Promise<PromptAnswer>;
  /** The token dialog window was closed or hidden: callers waiting on it are told it was cancelled. */
  tokenDialogClosed(): Promise<void>;
  readonly labDevices: LabDeviceActions;
  readonly wizard: WizardOperations;
  close(): void;
}

export function createAppService(deps: AppServiceDeps): AppService {
  const { core, shell, clock, log, locations, platform } = deps;
  const store = createSettingsStore(deps.stateDir, clock);
  const listeners = new Set<ServiceListener>();
  const renewing = new Set<string>();
  let labDevices = new Set<string>();
  let model: ProfileModel | undefined;
  let settings: Settings | undefined;
  let watcher: { close(): void } | undefined;
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
    broker.sessionsChanged((target) => renewalTargetState(next, target, clock.now())?.valid ?? false);
    return next;
  }

  function stateFrom(current: ProfileModel, currentSettings: Settings): DashboardState {
    return buildDashboardState({
      model: current,
      settings: currentSettings,
      nowMs: clock.now(),
      locations,
      renewing,
      labDevices,
    });
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

  function refreshLogged(after: string): Promise<unknown> {
    return refresh().catch((error: unknown) =>
      log.error(`Reloading the AWS files after ${after} failed`, { error: errorMessage(error) }),
    );
  }

  async function findTokenDialogContext(target: string): Promise<TokenDialogContext | undefined> {
    const known = (candidate: ProfileModel) =>
      candidate.mfaSessions.some((s) => s.target === target) ||
      candidate.roles.some((r) => r.profile === target && r.mfaRole);
    const currentSettings = await ensureSettings();
    // Not in the model we hold: the files may have changed a moment ago (the wizard's write, "Renew now…") before
    // the watcher reported it, so read them once more before saying the session is unknown.
    const current = model && known(model) ? model : await reloadModel();
    const role = current.roles.find((r) => r.profile === target)?.mfaRole;
    if (role) return mfaRoleDialogContext(current, target);
    const session = current.mfaSessions.find((s) => s.target === target);
    if (!session) return undefined;
    // Programs waiting on this session's dialog (the prompt socket): the dialog names them.
    const requestedBy = broker.requestedBy(session.target);
    return {
      target: session.target,
      source: session.source,
      ...(session.device !== undefined && { device: session.device }),
      durationSeconds: session.durationSeconds ?? currentSettings.defaultDurationSeconds,
      ...(session.expiration !== undefined && { expiration: session.expiration.toISOString() }),
      labDevice: session.device !== undefined && labDevices.has(session.device),
      ...(requestedBy && { requestedBy }),
    };
  }

  const broker = createPromptBroker(
    {
      timers: deps.timers ?? systemClock,
      waitSeconds: async () => (await ensureSettings()).promptWaitSeconds,
      session: async (target) => renewalTargetState(await reloadModel(), target, clock.now()),
      async showDialog(target, { show }) {
        const context = await findTokenDialogContext(target);
        if (!context) throw new Error(`${target} is not an MFA session or MFA role MFA Tray knows.`);
        requestedTokenDialog = context;
        if (show) {
          log.info('Token dialog requested by a program', { target, caller: context.requestedBy?.caller });
          shell.showTokenDialog(context);
        }
        emit({ name: 'tokenDialogRequested', payload: context });
      },
      roundEnded(target) {
        // The dialog stays for the person (they may still renew) but no program waits on it any more.
        if (requestedTokenDialog?.target !== target || !requestedTokenDialog.requestedBy) return;
        const { requestedBy: _ended, ...context } = requestedTokenDialog;
        requestedTokenDialog = context;
        emit({ name: 'tokenDialogRequested', payload: context });
      },
    },
    () => clock.now(),
  );

  function mfaRoleDialogContext(current: ProfileModel, target: string): TokenDialogContext {
    const role = current.roles.find((r) => r.profile === target)!;
    const mfaRole = role.mfaRole!;
    const requestedBy = broker.requestedBy(target);
    return {
      kind: 'mfa-role',
      target,
      source: mfaRole.signer.kind === 'profile' ? mfaRole.signer.profile : `credential_source ${mfaRole.signer.name}`,
      device: mfaRole.device,
      durationSeconds: mfaRole.durationSeconds ?? ROLE_DURATION.default,
      ...(role.cachedExpiration !== undefined && { expiration: role.cachedExpiration.toISOString() }),
      labDevice: false,
      ...(requestedBy && { requestedBy }),
    };
  }

  async function deviceRolesDialogContext(device: string): Promise<TokenDialogContext | undefined> {
    const ofDevice = (candidate: ProfileModel) => candidate.roles.filter((r) => r.mfaRole?.device === device);
    const roles = model && ofDevice(model).length > 0 ? ofDevice(model) : ofDevice(await reloadModel());
    const [first] = roles;
    if (!first) return undefined;
    const soonest = roles
      .flatMap((r) => (r.cachedExpiration ? [r.cachedExpiration] : []))
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return {
      ...mfaRoleDialogContext(loadedModel(), first.profile),
      kind: 'device-roles',
      roles: roles.map((r) => r.profile),
      // Assumed with one MFA session: role chaining caps every role at 1 hour.
      durationSeconds: Math.min(
        ROLE_CHAINING_MAX_SECONDS,
        Math.max(...roles.map((r) => r.mfaRole!.durationSeconds ?? ROLE_DURATION.default)),
      ),
      ...(soonest !== undefined ? { expiration: soonest.toISOString() } : {}),
    };
  }

  function showDialog(context: TokenDialogContext): void {
    requestedTokenDialog = context;
    shell.showTokenDialog(context);
    emit({ name: 'tokenDialogRequested', payload: context });
  }

  function loadedModel(): ProfileModel {
    if (!model) throw new Error('The app service has not started yet.');
    return model;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      const state = await freshState();
      watcher ??= core.watchAwsFiles((changed) => {
        log.info('AWS files changed', { files: changed });
        void refreshLogged('a file change');
      });
      return state;
    },

    state: freshState,

    currentState() {
      if (!settings) throw new Error('The app service has not started yet.');
      return stateFrom(loadedModel(), settings);
    },

    refresh,

    expirySchedule() {
      const { mfaSessions, roles } = loadedModel();
      return { mfaSessions, roles };
    },

    labSession(target) {
      const session = model?.mfaSessions.find((candidate) => candidate.target === target);
      if (!session) return undefined;
      return {
        labDevice: session.device !== undefined && labDevices.has(session.device),
        ...(session.expiration !== undefined && { expiration: session.expiration }),
      };
    },

    async renew(request) {
      // "Renew all roles of this device" renews each of them: every one shows "Renewing…" meanwhile.
      const targets = new Set([request.target]);
      if (request.allRolesOf !== undefined)
        for (const role of model?.roles ?? [])
          if (role.mfaRole?.device === request.allRolesOf) targets.add(role.profile);
      if ([...targets].some((target) => renewing.has(target))) return renewalAlreadyRunning(request.target);
      for (const target of targets) renewing.add(target);
      if (model && settings) pushState(stateFrom(model, settings));
      try {
        const result = toRenewResult(request.target, await core.renew(request));
        log.info('Renewal finished', { target: request.target, kind: result.kind });
        return result;
      } catch (error) {
        log.error('Renewal threw', { target: request.target, error: errorMessage(error) });
        return unexpectedRenewFailure(request.target);
      } finally {
        for (const target of targets) renewing.delete(target);
        await refreshLogged('a renewal');
      }
    },

    async tokenDialogContext(target) {
      const context = await findTokenDialogContext(target);
      if (!context) throw new Error(`${target} is not an MFA session MFA Tray knows.`);
      return context;
    },

    requestedTokenDialog() {
      if (!requestedTokenDialog) return null;
      // Who asked is as of now: a round that ended no longer names its callers.
      const { requestedBy: _asked, ...context } = requestedTokenDialog;
      const requestedBy = broker.requestedBy(context.target);
      return requestedBy ? { ...context, requestedBy } : context;
    },

    async openTokenDialog(target) {
      const context = await findTokenDialogContext(target);
      if (!context) return { ok: false, message: `${target} is not an MFA session MFA Tray knows.` };
      showDialog(context);
      return {
        ok: true,
        message: `Type the code for ${context.target} in the "Renew MFA session" window that just opened.`,
      };
    },

    async openDeviceRolesDialog(device) {
      const context = await deviceRolesDialogContext(device);
      if (!context) return { ok: false, message: `No MFA role profile uses the device ${device}.` };
      showDialog(context);
      return {
        ok: true,
        message: `Type one code for ${context.roles!.join(', ')} in the "Renew MFA session" window that just opened.`,
      };
    },

    openDashboard() {
      shell.openDashboard();
      return { ok: true, message: 'Dashboard opened.' };
    },

    openWizard() {
      shell.openWizard();
      return { ok: true, message: 'Setup wizard opened.' };
    },

    async copyExportLines(profileName) {
      const current = await reloadModel();
      const profile = current.profiles.get(profileName);
      if (!profile) return { ok: false, message: `There is no profile named ${profileName}.` };
      const session = current.mfaSessions.find((candidate) => candidate.target === profileName);
      try {
        await shell.writeClipboard(buildExportLines(profile, exportFormatFor(platform), session?.expiration));
      } catch (error) {
        if (error instanceof ExportLinesError) return { ok: false, message: error.message };
        throw error;
      }
      return { ok: true, message: `Copied the environment lines for ${profileName}; paste them into a terminal.` };
    },

    async openProfilesFolder() {
      const folder = dirname(locations.config);
      const failure = await shell.openPath(folder);
      return failure
        ? { ok: false, message: `Could not open ${folder}: ${failure}` }
        : { ok: true, message: `Opened ${folder}.` };
    },

    async settings() {
      return { ...(await ensureSettings()) };
    },

    async updateSettings(patch) {
      const before = await ensureSettings();
      // The login item first: when it cannot be registered the setting is not saved as if it had been.
      const wanted = patch.startAtLogin;
      const loginChange = wanted !== undefined && wanted !== before.startAtLogin;
      if (loginChange) await shell.setStartAtLogin(wanted);
      let next: Settings;
      try {
        next = await store.update(patch);
      } catch (error) {
        if (loginChange) await shell.setStartAtLogin(before.startAtLogin).catch(() => undefined);
        throw error;
      }
      settings = next;
      pushState(stateFrom(model ?? (await reloadModel()), next));
      return { ...next };
    },

    requestRenewalFor: (caller, target, connection) => broker.requestRenewalFor(caller, target, connection),

    tokenDialogClosed: () => broker.dialogClosed(),

    labDevices: createLabDeviceActions({
      service: deps.labDevices,
      writeClipboard: (text) => shell.writeClipboard(text),
      log,
      refresh,
    }),

    wizard: deps.wizard,

    close() {
      watcher?.close();
      watcher = undefined;
      listeners.clear();
    },
  };
}
