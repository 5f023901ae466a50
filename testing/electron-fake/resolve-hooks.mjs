// Node module-resolution hooks (module.register): inside the app process, `electron` is the fake.
const fake = new URL('./electron.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  // Through the next resolver, so that tsx (registered before) loads the TypeScript file.
  if (specifier === 'electron') return nextResolve(fake, context);
  return nextResolve(specifier, context);
}
