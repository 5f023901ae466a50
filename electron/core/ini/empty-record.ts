/**
 * Objects without a prototype, so that keys like `__proto__` or `constructor` are plain data. Made by taking the
 * prototype off an empty literal rather than with Object.create(null): the engine keeps such objects in its
 * fast property layout (shared shapes, cached key lists), while Object.create(null) starts out as a hash table.
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}
