import "server-only";
import { nanoid } from "nanoid";
import { getExercise } from "../db/exercises";
import { saveSubmission } from "../db/submissions";
import { ValidationError } from "../sandbox/errors";
import { type JudgeMode, type Judgement, judge, publicTest } from "./judge";

/** Judge a solution to a stored exercise and record it; the answer hides hidden tests' data. */
export async function submitSolution(
  slug: string,
  body: unknown,
  opts: { ownerId: string | null; mode: JudgeMode; signal?: AbortSignal },
): Promise<(Judgement & { id: string; createdAt: string }) | null> {
  const ex = await getExercise(slug);
  if (!ex) return null;
  const input = body as { language?: unknown; files?: unknown };
  if (typeof input?.language !== "string" || !Array.isArray(input.files)) {
    throw new ValidationError("Send { language, files: [{ name, content }] }.", {
      ...(typeof input?.language !== "string" ? { language: "Choose a language." } : {}),
      ...(!Array.isArray(input?.files) ? { files: "Send at least one file." } : {}),
    });
  }
  const solution = { language: input.language, files: input.files as { name?: string; content: string }[] };
  const id = nanoid();
  const judgement = await judge(ex, solution, opts.mode, { signal: opts.signal, runId: id });
  await saveSubmission({
    id,
    exerciseSlug: slug,
    ownerId: opts.ownerId,
    mode: opts.mode,
    language: solution.language,
    files: solution.files,
    judgement,
  });
  return { id, createdAt: new Date().toISOString(), ...judgement, tests: judgement.tests.map(publicTest) };
}
