import { appEngine } from "@/lib/app-engine";
import { json } from "@/lib/http/responses";
import { nativeLanguages } from "@/lib/http/runtimes";

export const dynamic = "force-dynamic";

export function GET() {
  return json(nativeLanguages(appEngine()));
}
