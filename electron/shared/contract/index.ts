// The ONE IPC contract between main, preload and renderer, by area: every channel, its request and response
// schema (tables.ts), the views they carry, and the bridge type. Main validates every request against these
// schemas; the preload exposes one method per operation; the renderer's `window.mfaTray` type is derived from
// here. Responses carry metadata only: no secret access key, session token or TOTP secret ever appears in a
// response schema (a test walks them all). Field schemas and defaults come from ../vocabulary.
export * from './action-result';
export * from './bridge';
export * from './dashboard';
export * from './lab-devices';
export * from './renewal';
export * from './tables';
export * from './wizard';
