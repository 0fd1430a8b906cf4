import { deleteExercise, getPublicExercise } from "@/lib/db/exercises";
import { NotFound } from "@/lib/errors";
import { adminDenied } from "@/lib/http/admin";
import { withApiCaller } from "@/lib/http/api-access";
import { publicExercise } from "@/lib/http/exercise-views";
import { errorResponse, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };
const notFound = () => errorResponse(new NotFound("No exercise has this slug."));

/** Statement, starter code and visible tests (hidden tests never leave the server). */
export async function GET(request: Request, ctx: Ctx) {
  return withApiCaller(request, "native", async () => {
    try {
      const ex = await getPublicExercise((await ctx.params).slug);
      return ex ? json(publicExercise(ex)) : notFound();
    } catch (err) {
      return errorResponse(err);
    }
  });
}

/** Admin: remove an exercise (its submissions stay in the database). */
export async function DELETE(request: Request, ctx: Ctx) {
  const denied = await adminDenied(request);
  if (denied) return denied;
  try {
    return (await deleteExercise((await ctx.params).slug)) ? json({ deleted: true }) : notFound();
  } catch (err) {
    return errorResponse(err);
  }
}
