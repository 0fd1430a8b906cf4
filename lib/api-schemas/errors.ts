import { z } from "zod";

/** The native API's error: a code a program can branch on and a sentence a person can act on. */
export const ApiError = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          "invalid_request, unauthorized, not_found, busy, rate_limited, quota_exceeded, too_many_runs, conflict, admin_off, sandbox_unavailable, internal_error",
      }),
      message: z.string(),
      fieldErrors: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: 'Per field, e.g. { "files.0.name": "File names cannot contain \'..\'…" }' }),
    }),
  })
  .meta({
    examples: [
      {
        error: {
          code: "invalid_request",
          message: 'Unknown language "cobol". Runbox runs: python, javascript, …',
          fieldErrors: { language: 'Unknown language "cobol".' },
        },
      },
    ],
  });
export type ApiError = z.infer<typeof ApiError>;

/** Piston's error: `{ message }`, with Piston's own wording. */
export const PistonError = z
  .object({ message: z.string() })
  .meta({ examples: [{ message: "cobol-* runtime is unknown" }] });
export type PistonError = z.infer<typeof PistonError>;
