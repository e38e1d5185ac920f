import { z } from 'zod';

/** Wire formats every DTO shares: output instants are ISO 8601 in Vietnam local time with its offset (+07:00). */
export const isoDateTime = z.iso.datetime({ offset: true });
export const localDate = z.iso.date().describe('local calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh)');
