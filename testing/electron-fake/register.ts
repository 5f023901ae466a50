// `node --import tsx --import ./testing/electron-fake/register.ts dist/main/main.js`: the built main bundle
// starts as `electron .` would start it, with the fake resolved for the `electron` module.
import { register } from 'node:module';

register('./resolve-hooks.mjs', import.meta.url);
