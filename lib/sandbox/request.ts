import { z } from "zod";
import { fileNameProblem } from "../file-names";
import { ValidationError } from "./errors";
import { findLanguage, isCompiled, type Language } from "./languages";
import { INPUT_CAPS, type LimitBounds, LimitsRequest, limitViolations } from "./limits";
import { toolchainArgProblems } from "./toolchain-args";

export { fileNameProblem };

/** Names the server sets itself; a request may not override them. */
const RESERVED_ENV = /^(PATH|HOME|USER|LOGNAME|PWD|SHELL|HOSTNAME|LANG|LC_ALL|TMPDIR|TERM|RUNBOX_.*|LD_.*)$/;

export const SourceFileInput = z.object({
  name: z.string().optional(),
  content: z.string(),
  encoding: z.enum(["utf8", "base64", "hex"]).default("utf8"),
});
export type SourceFileInput = z.infer<typeof SourceFileInput>;

/** What a caller asks the engine to run. The first file is the entry point. */
export const ExecuteRequestShape = z.object({
  language: z.string().min(1, "Choose a language."),
  version: z.string().default("*"),
  files: z.array(SourceFileInput).min(1, "Send at least one file."),
  stdin: z.string().default(""),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  limits: LimitsRequest.default({}),
  network: z.boolean().default(false),
  /** Compiler, linker and interpreter arguments (allow-listed per language; see toolchain-args.ts). */
  toolchain: z
    .object({
      compileArgs: z.array(z.string()).optional(),
      linkArgs: z.array(z.string()).optional(),
      interpreterArgs: z.array(z.string()).optional(),
    })
    .strict()
    .default({}),
});
export type ExecuteRequestInput = z.input<typeof ExecuteRequestShape>;

declare const validated: unique symbol;
/**
 * A request that passed parseExecuteRequest: the engine accepts only this, so validation
 * happens once, at the edge (route handler, server action), never again inside.
 */
export type ExecuteRequest = z.infer<typeof ExecuteRequestShape> & { readonly [validated]: true };

/** What a request is checked against: the server's limits and whether it allows network. */
export interface RequestRules {
  bounds: LimitBounds;
  allowNetwork: boolean;
  /** The languages this server has (built-in and from image folders); default: the built-in ones. */
  findLanguage?: (name: string) => Language | undefined;
}

/** zod issues → { "files.0.name": "message" } */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "request";
    out[key] ??= issue.message;
  }
  return out;
}

function decode(file: SourceFileInput): Buffer {
  return Buffer.from(file.content, file.encoding === "utf8" ? "utf8" : file.encoding);
}

/** A lone UTF-16 surrogate cannot be written as UTF-8: JSON allows it, a program's input cannot hold it. */
const hasLoneSurrogate = (s: string) => !s.isWellFormed();

/**
 * Parse and check a request against the input caps and the server's limits. Throws
 * ValidationError with a sentence a person understands and per-field messages; nothing
 * reaches Docker before this passes.
 */
export function parseExecuteRequest(input: unknown, rules: RequestRules): ExecuteRequest {
  const parsed = ExecuteRequestShape.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0] ?? ["request", "Invalid request."];
    throw new ValidationError(`${field}: ${message}`, fieldErrors);
  }
  const req = parsed.data;
  const errors: Record<string, string> = {};
  const caps = INPUT_CAPS;
  const notText = "contains a lone UTF-16 surrogate (\\ud800-\\udfff), which is not valid text.";

  if (req.files.length > caps.files) errors.files = `Send at most ${caps.files} files (got ${req.files.length}).`;
  const seen = new Set<string>();
  let sourceBytes = 0;
  req.files.forEach((file, i) => {
    if (file.name !== undefined) {
      const problem = hasLoneSurrogate(file.name) ? `This file name ${notText}` : fileNameProblem(file.name);
      if (problem) errors[`files.${i}.name`] = problem;
      else if (seen.has(file.name)) errors[`files.${i}.name`] = `Two files are named "${file.name}".`;
      seen.add(file.name);
    }
    if (file.encoding === "utf8" && hasLoneSurrogate(file.content))
      errors[`files.${i}.content`] = `This file ${notText}`;
    if (file.encoding === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(file.content.replace(/\s/g, "")))
      errors[`files.${i}.content`] = "This file says it is base64 but is not valid base64.";
    if (file.encoding === "hex" && !/^([0-9a-fA-F]{2})*$/.test(file.content))
      errors[`files.${i}.content`] = "This file says it is hex but is not valid hex.";
    sourceBytes += decode(file).length;
  });
  if (sourceBytes > caps.sourceBytes)
    errors.files ??= `Source files may total at most ${caps.sourceBytes / 1024} KiB (got ${Math.ceil(sourceBytes / 1024)} KiB).`;

  if (hasLoneSurrogate(req.stdin)) errors.stdin = `Standard input ${notText}`;
  else if (Buffer.byteLength(req.stdin) > caps.stdinBytes)
    errors.stdin = `Standard input may be at most ${caps.stdinBytes / 1024} KiB.`;

  if (req.args.length > caps.args) errors.args = `Send at most ${caps.args} arguments.`;
  else if (req.args.some((a) => Buffer.byteLength(a) > caps.argBytes))
    errors.args = `Each argument may be at most ${caps.argBytes} bytes.`;
  else if (req.args.reduce((n, a) => n + Buffer.byteLength(a), 0) > caps.argsTotalBytes)
    errors.args = `Arguments may total at most ${caps.argsTotalBytes / 1024} KiB.`;
  if (req.args.some((a) => a.includes("\0"))) errors.args = "Arguments cannot contain NUL characters.";
  else if (req.args.some(hasLoneSurrogate)) errors.args = `An argument ${notText}`;

  const envEntries = Object.entries(req.env);
  if (envEntries.length > caps.envVars) errors.env = `Send at most ${caps.envVars} environment variables.`;
  for (const [key, value] of envEntries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(key))
      errors[`env.${key}`] = "Environment variable names use letters, digits and '_' and cannot start with a digit.";
    else if (RESERVED_ENV.test(key)) errors[`env.${key}`] = `${key} is set by Runbox and cannot be changed.`;
    else if (value.includes("\0")) errors[`env.${key}`] = "Environment values cannot contain NUL characters.";
    else if (hasLoneSurrogate(value)) errors[`env.${key}`] = `This value ${notText}`;
  }
  if (envEntries.reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v) + 2, 0) > caps.envTotalBytes)
    errors.env ??= `Environment variables may total at most ${caps.envTotalBytes / 1024} KiB.`;

  Object.assign(errors, limitViolations(req.limits, rules.bounds));
  if (req.network && !rules.allowNetwork)
    errors.network = "Network access is turned off on this server (the admin can allow it with RUNBOX_ALLOW_NETWORK).";

  // What only the language can judge (e.g. a Go entry file named *_test.go).
  const language = (rules.findLanguage ?? findLanguage)(req.language);
  if (language?.checkFiles && Object.keys(errors).length === 0) {
    const names = decodeFiles(req.files, language.defaultFile).map((f) => f.name);
    Object.assign(errors, language.checkFiles(names));
  }
  if (language) Object.assign(errors, toolchainArgProblems(language.id, req.toolchain, isCompiled(language)));

  const first = Object.entries(errors)[0];
  if (first) throw new ValidationError(first[1], errors);
  return req as ExecuteRequest;
}

/** Decoded file contents, for the job and the language plans. */
export function decodeFiles(files: SourceFileInput[], defaultName: string) {
  return files.map((file, i) => ({
    name: file.name ?? (i === 0 ? defaultName : `file${i}${defaultName.slice(defaultName.lastIndexOf("."))}`),
    content: decode(file),
  }));
}
