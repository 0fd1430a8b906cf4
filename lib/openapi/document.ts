import { z } from "zod";
import { Checker, CheckerObject } from "../judge/checkers";
import { type ApiOperation, OPERATIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from "./operations";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of a set of named zod schemas, referring to each other. */
function componentSchemas(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      // A checker may be given by name alone ("tokens"): the schema's preprocess step says so in code.
      if (io === "input" && zodSchema === Checker) {
        const object = z.toJSONSchema(CheckerObject, { io: "input", target: "draft-2020-12" });
        const { $schema: _s, ...rest } = object;
        for (const k of Object.keys(jsonSchema)) delete jsonSchema[k];
        Object.assign(jsonSchema, {
          anyOf: [{ type: "string", enum: ["exact", "trimmed", "tokens", "float", "unordered-lines"] }, rest],
        });
      }
    },
  });
  // Components are embedded in the document: no $schema or $id of their own.
  return Object.fromEntries(
    Object.entries(out).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const HEADERS = {
  RateLimit: {
    "RateLimit-Limit": { description: "Runs allowed in the window closest to its limit", schema: { type: "integer" } },
    "RateLimit-Remaining": { description: "Runs left in that window", schema: { type: "integer" } },
    "RateLimit-Reset": { description: "Seconds until that window starts over", schema: { type: "integer" } },
    "RateLimit-Policy": {
      description: "Every limit that applies, e.g. `60;w=60, 10000;w=86400` for a key",
      schema: { type: "string" },
    },
  },
  "Retry-After": { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
  "WWW-Authenticate": { "WWW-Authenticate": { description: 'Bearer realm="runbox"', schema: { type: "string" } } },
} as const;

const REQUEST_ID_HEADER = {
  "x-request-id": {
    description: "This request's id: yours when you sent a safe one (1–64 of A–Z a–z 0–9 . _ : -), else a new one",
    schema: { type: "string" },
  },
};

function operationObject(op: ApiOperation) {
  const security =
    op.auth === "api" ? [{}, { apiKey: [] }] : op.auth === "admin" ? [{ adminToken: [] }, { apiKey: [] }] : [];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security,
    ...(op.params
      ? {
          parameters: op.params.map((p) => ({
            name: p.name,
            in: "path",
            required: true,
            description: p.description,
            schema: { type: "string", maxLength: 64 },
            example: p.example,
          })),
        }
      : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(op.body.schema), example: op.body.example } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          headers: { ...REQUEST_ID_HEADER, ...Object.assign({}, ...(r.headers ?? []).map((h) => HEADERS[h])) },
          ...(r.schema ? { content: { "application/json": { schema: ref(r.schema) } } } : {}),
        },
      ]),
    ),
  };
}

const DESCRIPTION = `Run programs in locked-down containers over HTTP: a native API (\`/api/v1\`) and a Piston-compatible one (\`/api/v2\`), which Piston clients use unchanged.

**Keys.** Create an API key on your account page (\`/account\`) and send it as \`Authorization: Bearer rbx_…\`. Runs and submissions made with a key are its user's (they show in their history). Each key has a rate (runs per minute) and a daily quota (runs per UTC day); answers carry \`RateLimit-*\` headers and, past a limit, a 429 that names it. Whether calls without a key are allowed is the server's choice (\`RUNBOX_API_ANONYMOUS\`); a key that is not valid or was revoked is always a 401, never anonymous.

**Request ids.** Every answer carries \`x-request-id\`: send one (1–64 of \`A–Z a–z 0–9 . _ : -\`) to find your request in the server's logs.

**WebSockets** (not described below, as OpenAPI cannot): \`/api/v1/runs/connect\` (native interactive runs: \`start\`, \`input\`, \`eof\`, \`signal\`, \`resize\` in; \`queued\`, \`started\`, \`stage\`, \`output\`, \`exit\`, \`done\` out) and \`/api/v2/connect\` (Piston's \`/connect\`, exactly as Piston documents it). Both take the same keys in the handshake's \`Authorization\` header and count against the same rate and quota. The Jobe API for Moodle CodeRunner (\`/jobe/…\`) keeps Jobe's own protocol and keys and is not described here; see the README.`;

/** The OpenAPI 3.1 document of the HTTP API, built from the schemas the routes validate and answer with. */
export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, object>)[op.method] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Runbox API", version: "1", description: DESCRIPTION, license: { name: "MIT", identifier: "MIT" } },
    servers: [{ url: "/" }],
    tags: [
      { name: "Native", description: "Runbox's own API: runs, stored runs, languages" },
      { name: "Exercises", description: "Graded exercises: the catalog, submissions, and the admin API" },
      { name: "Piston", description: "Piston v2, request and answer exactly as Piston's" },
      { name: "Server", description: "Health and this document" },
    ],
    paths,
    components: {
      schemas: { ...componentSchemas(REQUEST_SCHEMAS, "input"), ...componentSchemas(RESPONSE_SCHEMAS, "output") },
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "rbx_…",
          description: "An API key from your account page. On admin operations: a key of a user who is an admin.",
        },
        adminToken: { type: "http", scheme: "bearer", description: "RUNBOX_ADMIN_TOKEN (the exercise admin API)" },
      },
    },
  };
}
