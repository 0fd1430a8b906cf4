import { type Engine, type ExecuteRequest, ExecuteRequestShape, ValidationError } from "../sandbox";
import type { ExerciseDefinition } from "./exercise";

/** What a submission sends: the language and the files (the exercise decides the limits). */
export const SolutionRequest = ExecuteRequestShape.pick({ language: true, files: true });

/**
 * A submitted solution ({ language, files }) → a validated engine request with the exercise's
 * limits (never more than the server's maxima). Called at the edge: route handlers and actions.
 */
export function parseSolution(engine: Engine, ex: ExerciseDefinition, body: unknown): ExecuteRequest {
  const input = body as { language?: unknown; files?: unknown } | null;
  if (typeof input?.language !== "string" || !Array.isArray(input.files)) {
    throw new ValidationError("Send { language, files: [{ name, content }] }.", {
      ...(typeof input?.language !== "string" ? { language: "Choose a language." } : {}),
      ...(!Array.isArray(input?.files) ? { files: "Send at least one file." } : {}),
    });
  }
  const language = engine.findLanguage(input.language);
  if (!language) throw new ValidationError(`Unknown language "${input.language}".`, { language: "Unknown language." });
  if (ex.languages && !ex.languages.includes(language.id)) {
    throw new ValidationError(`This exercise accepts ${ex.languages.join(", ")}.`, {
      language: "Not allowed for this exercise.",
    });
  }
  const { maxima } = engine.config.bounds;
  const limits = {
    timeoutMs: Math.min(ex.limits.timeoutMs, maxima.timeoutMs),
    memoryMb: Math.min(ex.limits.memoryMb, maxima.memoryMb),
  };
  return engine.parse({ language: language.id, files: input.files, limits });
}
