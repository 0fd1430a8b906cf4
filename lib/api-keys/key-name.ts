import { z } from "zod";

/** What a user calls a key: 1 to 60 characters, no control characters (it is shown in lists and logs). */
export const KeyName = z
  .string()
  .trim()
  .min(1, "Give the key a name (what uses it, e.g. “grading script”).")
  .max(60, "A key's name may have at most 60 characters.")
  .refine((s) => !/\p{Cc}/u.test(s), "A key's name cannot contain control characters.");
export type KeyName = z.infer<typeof KeyName>;
