import { appEngine } from "@/lib/app-engine";
import { jobeClient } from "@/lib/jobe/api-keys";
import { jobeLanguages } from "@/lib/jobe/languages-list";
import { jobeErrorResponse, jobeJson } from "@/lib/jobe/responses";

export const dynamic = "force-dynamic";

/** Jobe: GET languages → [[language_id, version], …]. */
export async function GET(request: Request) {
  try {
    await jobeClient(request.headers);
    return jobeJson(jobeLanguages(appEngine()));
  } catch (err) {
    return jobeErrorResponse(err);
  }
}
