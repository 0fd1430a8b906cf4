"use client";

import dynamic from "next/dynamic";
import "swagger-ui-react/swagger-ui.css";

// Swagger UI is bundled with the app (no CDN) and loaded only on this page, in the browser.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), {
  ssr: false,
  loading: () => <p data-testid="api-reference-loading">Loading the API reference…</p>,
});

/** The OpenAPI document rendered by Swagger UI, with "Try it out" against this server. */
export function ApiReference() {
  return (
    <div className="rounded bg-white text-zinc-900" data-testid="api-reference">
      <SwaggerUI url="/api/openapi.json" docExpansion="list" defaultModelsExpandDepth={0} deepLinking />
    </div>
  );
}
