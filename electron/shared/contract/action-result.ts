import * as z from 'zod';

/** The answer of operations that just do something (open a window, copy to the clipboard, forget keys). */
export const ActionResultSchema = z.object({ ok: z.boolean(), message: z.string() });
export type ActionResult = z.infer<typeof ActionResultSchema>;
