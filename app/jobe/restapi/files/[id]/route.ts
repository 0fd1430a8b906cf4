import { headFileRoute, putFileRoute } from "@/lib/jobe/files";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Jobe: PUT files/{id} with { file_contents } (base64) → 204. */
export async function PUT(request: Request, { params }: Context) {
  return putFileRoute(request, (await params).id);
}

/** Jobe: HEAD files/{id} → 204 when the file is cached, 404 when not. */
export async function HEAD(request: Request, { params }: Context) {
  return headFileRoute(request, (await params).id);
}
