import { listExercises, upsertExercise } from "@/lib/db/exercises";
import { adminDenied } from "@/lib/http/admin";
import { withApiCaller } from "@/lib/http/api-access";
import { errorResponse, json, readJson } from "@/lib/http/responses";
import { ExerciseDefinition } from "@/lib/judge/exercise";
import { fieldErrorsOf } from "@/lib/sandbox/request";

export const dynamic = "force-dynamic";

/** The catalog: slug, title, difficulty, tags. */
export async function GET(request: Request) {
  return withApiCaller(request, "native", async () => {
    try {
      const exercises = await listExercises();
      return json({
        exercises: exercises.map(({ slug, title, difficulty, tags }) => ({ slug, title, difficulty, tags })),
      });
    } catch (err) {
      return errorResponse(err);
    }
  });
}

/** Admin: create or replace an exercise from JSON. */
export async function POST(request: Request) {
  const denied = await adminDenied(request);
  if (denied) return denied;
  try {
    const parsed = ExerciseDefinition.safeParse(await readJson(request));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      const [field, message] = Object.entries(fieldErrors)[0] ?? ["request", "Invalid exercise."];
      return json({ error: { code: "invalid_request", message: `${field}: ${message}`, fieldErrors } }, 400);
    }
    const outcome = await upsertExercise(parsed.data, "api");
    if (outcome === "conflict")
      return json(
        { error: { code: "conflict", message: "A teacher's exercise has this slug; choose another slug." } },
        409,
      );
    return json({ slug: parsed.data.slug, outcome }, outcome === "created" ? 201 : 200);
  } catch (err) {
    return errorResponse(err);
  }
}
