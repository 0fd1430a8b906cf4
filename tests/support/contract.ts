import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, ResponseSpec> }>>;
  components: { schemas: Record<string, object> };
};
type ResponseSpec = { headers?: Record<string, unknown>; content?: { "application/json": { schema: object } } };

const doc = openApiDocument() as Doc;
// The components as $defs of one schema, so references resolve within it.
const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll("#/components/schemas/", "#/$defs/"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorFor(schema: object) {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) {
    const rewritten = JSON.parse(key.replaceAll("#/components/schemas/", "#/$defs/"));
    v = ajv.compile({ $defs: defs, ...rewritten });
    compiled.set(key, v);
  }
  return v;
}

/** Statuses every route may answer besides its own (read limits, server faults) — none: all must be listed. */
const ALWAYS: string[] = [];

/**
 * Check a real answer of a route against the OpenAPI document: its status is one the operation
 * lists, its JSON body matches that answer's schema (no field left undescribed: objects are
 * closed), and the headers the document promises are there. Returns the parsed body.
 */
export async function expectContract(method: string, path: string, res: Response): Promise<unknown> {
  const op = doc.paths[path]?.[method.toLowerCase()];
  expect(op, `${method} ${path} is in the document`).toBeDefined();
  const spec = op?.responses[String(res.status)];
  expect(
    spec ?? ALWAYS.includes(String(res.status)),
    `${method} ${path} answered ${res.status}, which the document does not list`,
  ).toBeTruthy();
  const text = await res.clone().text();
  const schema = spec?.content?.["application/json"]?.schema;
  if (!schema) return text;
  expect(res.headers.get("content-type") ?? "").toMatch(/^application\/json/);
  const body = JSON.parse(text) as unknown;
  const validate = validatorFor(schema);
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${method} ${path} ${res.status} matches its schema`).toEqual([]);
  for (const name of Object.keys(spec?.headers ?? {})) {
    if (name === "x-request-id" || name === "RateLimit-Policy") continue; // set by server.ts / not on every limiter
    expect(res.headers.has(name), `${method} ${path} ${res.status} carries ${name}`).toBe(true);
  }
  return body;
}

/** The document as served (for tests that check it as a whole). */
export const openApi = doc;
