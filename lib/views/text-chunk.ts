import { z } from "zod";

/** An ANSI style as the chunk routes send it (the 16 basic colours and four attributes). */
export const AnsiStyleJson = z.object({
  fg: z.number().int().min(0).max(15).optional(),
  bg: z.number().int().min(0).max(15).optional(),
  bold: z.boolean().optional(),
  dim: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});

/** One chunk of a long text of a stored run, as the chunk routes answer (and the page parses). */
export const TextChunk = z.object({
  part: z.string(),
  offset: z.number().int().min(0),
  /** Where the next chunk starts; null when this is the last. */
  next: z.number().int().min(0).nullable(),
  /** Length of the whole part, in UTF-16 code units (the unit of offsets). */
  total: z.number().int().min(0),
  /** ANSI style in effect at `offset`. */
  style: AnsiStyleJson,
  text: z.string(),
});
export type TextChunk = z.infer<typeof TextChunk>;
