// Who the app is to the OS. Windows shows a toast only for an AppUserModelID that a Start-menu shortcut carries —
// the nsis installer gives its shortcut electron-builder's appId — and routes Action Center clicks to a COM
// activator by CLSID: a fixed one, or each run would register a new one and older toasts would click into nothing.
// packaging.test.ts keeps APP_ID equal to electron-builder.yml's appId.
export const APP_ID = 'dev.mfatray.app';
export const TOAST_ACTIVATOR_CLSID = '{026C673C-9981-402F-950A-04496E377C14}';
