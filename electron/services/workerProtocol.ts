/**
 * What the main side and the formats worker say to each other. Requests are
 * checked with the bridge's own schemas on arrival in the worker; replies
 * carry either the value or the error's name and Chinese message, from which
 * the main side rebuilds an error the handlers recognize.
 */
import { z } from 'zod';
import { ExportDocxOptionsSchema, ExportHtmlOptionsSchema, ExportTextOptionsSchema } from '../../shared/bridge.ts';
import { ReportSchema } from '../../shared/file/schema.ts';

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

export const WorkerRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({ id: z.number().int(), op: z.literal('import'), bytes, fileName: z.string().max(1024) }),
  z.strictObject({ id: z.number().int(), op: z.literal('exportDocx'), report: ReportSchema, options: ExportDocxOptionsSchema }),
  z.strictObject({ id: z.number().int(), op: z.literal('exportText'), report: ReportSchema, options: ExportTextOptionsSchema }),
  z.strictObject({ id: z.number().int(), op: z.literal('exportHtml'), report: ReportSchema, options: ExportHtmlOptionsSchema }),
]);

export type WorkerRequest = z.output<typeof WorkerRequestSchema>;

export const WorkerReplySchema = z.strictObject({
  id: z.number().int(),
  value: z.unknown().optional(),
  error: z
    .strictObject({ name: z.string(), message: z.string(), reason: z.string().optional() })
    .optional(),
});

export type WorkerReply = z.output<typeof WorkerReplySchema>;
