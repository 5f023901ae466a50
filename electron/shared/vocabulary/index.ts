// The domain's vocabulary (zod only): field schemas, STS limits, product defaults and the settings file's
// shape. The core, the IPC contract and the renderer all import it, so the team-file format and settings.json
// do not change when an IPC message is reworded.
export * from './defaults';
export * from './fields';
export * from './settings';
export * from './sts-limits';
