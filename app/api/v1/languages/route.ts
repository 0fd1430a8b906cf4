import { appEngine } from "@/lib/app-engine";
import { withApiCaller } from "@/lib/http/api-access";
import { json } from "@/lib/http/responses";
import { nativeLanguages } from "@/lib/http/runtimes";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return withApiCaller(request, "native", async () => json(nativeLanguages(appEngine())));
}
