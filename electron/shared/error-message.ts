// The text of a caught value, for logs and for messages people read. Anything can be thrown, so an Error gives
// its message and anything else its string form. Here in shared/ so that every layer, renderer included, can use it.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
