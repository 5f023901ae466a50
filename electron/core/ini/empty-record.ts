/** Objects without a prototype, so that keys like `__proto__` or `constructor` are plain data. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
