"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";

/**
 * The OpenAPI document rendered by Swagger UI, with "Try it out" against this server. Its
 * prebuilt bundle (React included) comes from our own origin and is loaded only on this page;
 * swagger-ui-react is not used because Turbopack mis-bundles its OpenAPI 3.1 resolver.
 */
export function ApiReference() {
  const node = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-bundle.js").then(
      ({ default: SwaggerUIBundle }) => {
        if (cancelled || !node.current) return;
        SwaggerUIBundle({
          domNode: node.current,
          url: "/api/openapi.json",
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          deepLinking: true,
          validatorUrl: null,
        });
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <div className="rounded bg-white text-zinc-900" data-testid="api-reference">
      {failed ? (
        <p role="alert" className="p-4">
          The reference viewer could not load: the document itself is at /api/openapi.json.
        </p>
      ) : (
        <div ref={node} />
      )}
    </div>
  );
}
