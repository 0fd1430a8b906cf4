import { z } from "zod";

/** A username: 3–32 of a–z, 0–9, "_" and "-", starting with a letter or digit; compared lower-cased. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{2,31}$/, "Use 3 to 32 letters, digits, '_' or '-', starting with a letter or digit.");
export type Username = z.infer<typeof Username>;
