// The part of swagger-ui-dist's prebuilt bundle this app uses (the package ships no types).
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  export interface SwaggerUIOptions {
    domNode: HTMLElement;
    url: string;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    deepLinking?: boolean;
    /** null: no badge asking an outside validator about the document. */
    validatorUrl?: string | null;
  }
  const SwaggerUIBundle: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUIBundle;
}
