// dashboard:month, the home page's figures: per facility, for a month and the one before it,
// the factures issued and how many were sent, failed (last message), read (a read receipt came
// back: the envelope is « lu ») and are still unpaid.
import { z } from 'zod';
import { periodSchema } from './billing';

export const dashboardInputSchema = z.object({ period: periodSchema }).strict();

export const dashboardMonthSchema = z.object({
  period: z.string(),
  issued: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
  unpaid: z.number().int().nonnegative(),
});
export type DashboardMonth = z.infer<typeof dashboardMonthSchema>;

export const dashboardSchema = z.object({
  /** The month asked for, then the one before it. */
  periods: z.tuple([z.string(), z.string()]),
  facilities: z.array(
    z.object({
      facilityId: z.number().int().positive(),
      name: z.string(),
      months: z.tuple([dashboardMonthSchema, dashboardMonthSchema]),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
