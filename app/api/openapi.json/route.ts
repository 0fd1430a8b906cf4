import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-static";

let body: string | undefined;

/** The API reference as OpenAPI 3.1, generated from the routes' own schemas (built once per process). */
export function GET() {
  body ??= JSON.stringify(openApiDocument());
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      // Public data: client generators and editors on other sites may fetch it.
      "Access-Control-Allow-Origin": "*",
    },
  });
}
