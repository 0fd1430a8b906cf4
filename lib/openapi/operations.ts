import type { z } from "zod";
import { DebugReport } from "../api-schemas/debug-report";
import { ApiError, PistonError } from "../api-schemas/errors";
import {
  ExerciseDeleted,
  ExerciseList,
  ExerciseSaved,
  PublicExercise,
  SubmissionResult,
} from "../api-schemas/exercises";
import { Health } from "../api-schemas/health";
import { NativeLanguages } from "../api-schemas/languages";
import { Limits } from "../api-schemas/limits";
import { NativeRunResponse, StoredRun } from "../api-schemas/native-run";
import { PistonExecuteResponse, PistonRuntimes } from "../api-schemas/piston";
import { StageResult } from "../api-schemas/stage";
import { PistonExecuteRequest } from "../http/piston";
import { ExerciseDefinition } from "../judge/exercise";
import { SolutionRequest } from "../judge/solution";
import { ExecuteRequestShape } from "../sandbox/request";

/**
 * The schemas the API reference names (components): requests as the routes parse them (zod
 * input), answers as the routes build them (zod output). Each is the very schema the code uses.
 */
export const REQUEST_SCHEMAS = {
  ExecuteRequest: ExecuteRequestShape,
  PistonExecuteRequest,
  SubmissionRequest: SolutionRequest,
  ExerciseDefinition,
} satisfies Record<string, z.ZodType>;

export const RESPONSE_SCHEMAS = {
  ApiError,
  PistonError,
  StageResult,
  DebugReport,
  Limits,
  NativeRunResponse,
  StoredRun,
  NativeLanguages,
  PistonExecuteResponse,
  PistonRuntimes,
  Health,
  ExerciseList,
  PublicExercise,
  SubmissionResult,
  ExerciseSaved,
  ExerciseDeleted,
} satisfies Record<string, z.ZodType>;

type RequestName = keyof typeof REQUEST_SCHEMAS;
type ResponseName = keyof typeof RESPONSE_SCHEMAS;

export interface ApiResponse {
  description: string;
  /** A named schema; absent: no JSON body. */
  schema?: ResponseName;
  /** Response headers this answer carries (see HEADERS in document.ts). */
  headers?: ("RateLimit" | "Retry-After" | "WWW-Authenticate")[];
}

export interface ApiOperation {
  method: "get" | "post" | "delete";
  path: string;
  operationId: string;
  tag: "Native" | "Piston" | "Exercises" | "Server";
  summary: string;
  description?: string;
  /** "api": an API key (required when the server says so); "admin": the admin token or an admin's key. */
  auth: "api" | "admin" | "none";
  params?: { name: string; description: string; example: string }[];
  body?: { schema: RequestName; example: unknown };
  responses: Record<number, ApiResponse>;
}

const native = (description: string, headers?: ApiResponse["headers"]): ApiResponse => ({
  description,
  schema: "ApiError",
  ...(headers ? { headers } : {}),
});
const piston = (description: string, headers?: ApiResponse["headers"]): ApiResponse => ({
  description,
  schema: "PistonError",
  ...(headers ? { headers } : {}),
});
const UNAUTHORIZED = "A key that is not valid or was revoked, or none where the server requires one";
const BUSY = "Busy (queue full or slot wait timed out), over the rate or daily quota, or too many runs at once";

const RUN_ID = { name: "id", description: "A run's id", example: "V1StGXR8_Z5jdHi6B-myT" };
const SLUG = { name: "slug", description: "An exercise's slug", example: "hello-name" };

/** Every HTTP route of /api/v1, /api/v2 and /api/health, in the order the reference shows them. */
export const OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/runs",
    operationId: "createRun",
    tag: "Native",
    summary: "Run a program",
    description:
      "Compiles (when the language needs it) and runs the files, the first being the entry point, and stores the run. A failing program is a 200 with its status; failed runs carry `debug`. Limits may only lower the server's maxima.",
    auth: "api",
    body: {
      schema: "ExecuteRequest",
      example: { language: "python", files: [{ content: "print(input()*2)" }], stdin: "ab\n" },
    },
    responses: {
      200: { description: "The finished run", schema: "NativeRunResponse", headers: ["RateLimit"] },
      400: native("Invalid request (the message and fieldErrors say what)"),
      401: native(UNAUTHORIZED, ["WWW-Authenticate"]),
      413: native("Body over 4 MiB"),
      429: native(BUSY, ["Retry-After"]),
      503: native("Docker is not reachable"),
    },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}",
    operationId: "getRun",
    tag: "Native",
    summary: "Read a stored run",
    description:
      "A run made with an API key is readable with that key (or its user's session); an unowned API run by anyone with its id; a browser's run by that browser only. Anything else is a 404, as for an unknown id.",
    auth: "api",
    params: [RUN_ID],
    responses: {
      200: { description: "The run, request and result", schema: "StoredRun" },
      401: native(UNAUTHORIZED, ["WWW-Authenticate"]),
      404: native("No run has this id (or it is not yours)"),
      429: native("Too many requests from this address", ["Retry-After", "RateLimit"]),
    },
  },
  {
    method: "get",
    path: "/api/v1/languages",
    operationId: "listLanguages",
    tag: "Native",
    summary: "Languages and limits",
    auth: "api",
    responses: {
      200: { description: "Languages whose image is built, with defaults and maxima", schema: "NativeLanguages" },
      401: native(UNAUTHORIZED, ["WWW-Authenticate"]),
    },
  },
  {
    method: "get",
    path: "/api/v1/exercises",
    operationId: "listExercises",
    tag: "Exercises",
    summary: "The public catalog",
    auth: "api",
    responses: {
      200: { description: "Slug, title, difficulty and tags of each", schema: "ExerciseList" },
      401: native(UNAUTHORIZED, ["WWW-Authenticate"]),
    },
  },
  {
    method: "post",
    path: "/api/v1/exercises",
    operationId: "saveExercise",
    tag: "Exercises",
    summary: "Create or replace an exercise (admin)",
    auth: "admin",
    body: {
      schema: "ExerciseDefinition",
      example: {
        slug: "doubler",
        title: "Double it",
        statement: "Read n, print 2n.",
        difficulty: "easy",
        limits: { timeoutMs: 2000, memoryMb: 128 },
        tests: [
          { stdin: "1\n", expected: "2\n" },
          { stdin: "21\n", expected: "42\n", hidden: true },
        ],
      },
    },
    responses: {
      200: { description: "Replaced (or unchanged)", schema: "ExerciseSaved" },
      201: { description: "Created", schema: "ExerciseSaved" },
      400: native("Invalid definition (fieldErrors name the fields)"),
      401: native("No valid admin token or admin's key", ["WWW-Authenticate"]),
      403: native("The admin API is off (no RUNBOX_ADMIN_TOKEN and no key sent)"),
      409: native("A teacher's exercise has this slug"),
    },
  },
  {
    method: "get",
    path: "/api/v1/exercises/{slug}",
    operationId: "getExercise",
    tag: "Exercises",
    summary: "An exercise, without its hidden tests",
    auth: "api",
    params: [SLUG],
    responses: {
      200: { description: "Statement, starter code, limits, checker and the visible tests", schema: "PublicExercise" },
      401: native(UNAUTHORIZED, ["WWW-Authenticate"]),
      404: native("No public exercise has this slug"),
    },
  },
  {
    method: "delete",
    path: "/api/v1/exercises/{slug}",
    operationId: "deleteExercise",
    tag: "Exercises",
    summary: "Delete an exercise (admin)",
    description: "Its submissions stay in the database.",
    auth: "admin",
    params: [{ ...SLUG, example: "doubler" }],
    responses: {
      200: { description: "Deleted", schema: "ExerciseDeleted" },
      401: native("No valid admin token or admin's key", ["WWW-Authenticate"]),
      403: native("The admin API is off"),
      404: native("No exercise has this slug"),
    },
  },
  {
    method: "post",
    path: "/api/v1/exercises/{slug}/submissions",
    operationId: "submitSolution",
    tag: "Exercises",
    summary: "Judge a solution on every test",
    description:
      "With an API key the submission is its user's (progress, class dashboards). Hidden tests reveal only their verdict; at most RUNBOX_SUBMISSIONS_PER_MINUTE per person per exercise.",
    auth: "api",
    params: [SLUG],
    body: {
      schema: "SubmissionRequest",
      example: {
        language: "python",
        files: [{ content: "name = input().strip()\nprint(f\"Hello, {name or 'World'}!\")" }],
      },
    },
    responses: {
      200: { description: "The judgement", schema: "SubmissionResult", headers: ["RateLimit"] },
      400: native("Invalid solution (a language the exercise does not take, bad files…)"),
      401: native(UNAUTHORIZED, ["WWW-Authenticate"]),
      404: native("No public exercise has this slug"),
      413: native("Body over 4 MiB"),
      429: native(BUSY, ["Retry-After"]),
      503: native("Docker is not reachable"),
    },
  },
  {
    method: "get",
    path: "/api/v2/runtimes",
    operationId: "pistonRuntimes",
    tag: "Piston",
    summary: "Piston: the runtimes",
    auth: "api",
    responses: {
      200: { description: "As Piston lists them", schema: "PistonRuntimes" },
      401: piston(UNAUTHORIZED, ["WWW-Authenticate"]),
    },
  },
  {
    method: "post",
    path: "/api/v2/execute",
    operationId: "pistonExecute",
    tag: "Piston",
    summary: "Piston: run a program",
    description: "Exactly Piston v2's request and answer (and its error messages), so Piston clients work unchanged.",
    auth: "api",
    body: {
      schema: "PistonExecuteRequest",
      example: { language: "python", version: "*", files: [{ content: "print(input()*2)" }], stdin: "ab\n" },
    },
    responses: {
      200: {
        description: "The run (no `run` when compilation failed)",
        schema: "PistonExecuteResponse",
        headers: ["RateLimit"],
      },
      400: piston("Invalid request, in Piston's words"),
      401: piston(UNAUTHORIZED, ["WWW-Authenticate"]),
      413: piston("Body over 4 MiB"),
      415: piston("Not application/json"),
      429: piston(BUSY, ["Retry-After"]),
      503: piston("Docker is not reachable"),
    },
  },
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    tag: "Server",
    summary: "Health of Docker, the database and the engine",
    auth: "none",
    responses: {
      200: { description: "Everything answers", schema: "Health" },
      503: { description: "Docker or the database does not answer", schema: "Health" },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "openapi",
    tag: "Server",
    summary: "This document",
    auth: "none",
    responses: { 200: { description: "OpenAPI 3.1" } },
  },
];
