import * as z from 'zod';

/** Every time in a request, response or push: an ISO-8601 string with its offset. */
export const IsoTimeSchema = z.string().datetime({ offset: true });
