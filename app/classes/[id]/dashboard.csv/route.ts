import { classOfTeacher } from "@/lib/classes/access";
import { classGrid } from "@/lib/classes/dashboard";
import { gridCsv } from "@/lib/classes/grid";
import { errorResponse, json } from "@/lib/http/responses";
import { identityOf } from "@/lib/identity/current";

export const dynamic = "force-dynamic";

/** The dashboard as CSV, for the class's teacher only (anyone else: 404, as for a missing class). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const c = await classOfTeacher(id, (await identityOf(request)).user);
    if (!c) return json({ error: { code: "not_found", message: "This class does not exist." } }, 404);
    const name = c.name.replace(/[^\w-]+/g, "-").slice(0, 60) || "class";
    return new Response(gridCsv(await classGrid(c.id)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-progress.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
