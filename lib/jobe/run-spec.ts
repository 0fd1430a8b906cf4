import { INPUT_CAPS } from "../sandbox/limits";
import { JobeError } from "./errors";
import { findJobeLanguage, type JobeLanguage } from "./languages";

/** Jobe's run parameters that Runbox uses (any other key is ignored, as Jobe ignores it). */
export interface JobeParameters {
  /** Seconds of CPU time. */
  cputime?: number;
  /** MB; 0 means no limit of its own (the server's maximum). */
  memorylimit?: number;
  numprocs?: number;
  /** MB per output stream. */
  streamsize?: number;
  compileargs?: string[];
  linkargs?: string[];
  interpreterargs?: string[];
  runargs?: string[];
}

/** One POST runs request, checked as Jobe checks it. */
export interface JobeRunSpec {
  language: JobeLanguage;
  sourcecode: string;
  /** Absent: Jobe's default name for the language (Java: from the source). */
  sourcefilename?: string;
  input: string;
  fileList: { id: string; name: string }[];
  parameters: JobeParameters;
}

const NUMBERS = ["cputime", "memorylimit", "numprocs", "streamsize"] as const;
const LISTS = ["compileargs", "linkargs", "interpreterargs", "runargs"] as const;
/** Support files a run may name: a program has at most INPUT_CAPS.files files, source included. */
export const MAX_FILE_LIST = INPUT_CAPS.files - 2;
/** Longest file id accepted: ids are keys, not data (an MD5 is 32). */
export const MAX_FILE_ID_LENGTH = 64;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** PHP's is_numeric, which Jobe uses: a number, or a string that is one. */
function numeric(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/**
 * Jobe's test for a safe source file name: nothing a file system or URL reserves, no control
 * characters, and no leading '.' or '-'.
 */
export function isValidSourceFilename(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  const sanitised = name.replace(/[<>:"/\\|?*\u0000-\u001f\u007f\u00a0\u00ad#[\]@!$&'()+,;={}^~`]/g, "-");
  return sanitised.replace(/^[.-]+/, "") === name;
}

/** Jobe's rule for one file_list entry: [id, name] (a third element is allowed and ignored). */
function fileSpec(entry: unknown): { id: string; name: string } | undefined {
  if (!Array.isArray(entry) || entry.length < 2 || entry.length > 3) return undefined;
  const [id, name] = entry as unknown[];
  if (typeof id !== "string" || typeof name !== "string") return undefined;
  if (!/^[A-Za-z0-9]+$/.test(id) || id.length < 8 || id.length > MAX_FILE_ID_LENGTH) return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return undefined;
  return { id, name };
}

function parameters(raw: unknown): JobeParameters {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw new JobeError(400, "run_spec parameters must be a JSON object");
  const out: JobeParameters = {};
  // Like Jobe: a value that is not numeric leaves the default in place.
  for (const key of NUMBERS) {
    const n = numeric(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  for (const key of LISTS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    const list = typeof v === "string" ? [v] : v;
    if (!Array.isArray(list) || !list.every((a) => typeof a === "string"))
      throw new JobeError(400, `run_spec parameter '${key}' must be a list of strings`);
    out[key] = list;
  }
  return out;
}

/** The body of POST runs → a run spec, or a JobeError(400) with Jobe's message. */
export function parseRunSpec(body: unknown): JobeRunSpec {
  if (!isObject(body)) throw new JobeError(400, "Non-JSON post data received");
  const run = body.run_spec;
  if (!isObject(run)) throw new JobeError(400, "No run_spec attribute found in post data");
  for (const attr of ["sourcecode", "language_id"] as const) {
    if (run[attr] === undefined || run[attr] === null)
      throw new JobeError(400, `run_spec is missing the required attribute '${attr}'`);
    if (typeof run[attr] !== "string") throw new JobeError(400, `run_spec attribute '${attr}' must be a string`);
  }
  const languageId = (run.language_id as string).toLowerCase();
  const language = findJobeLanguage(languageId);
  if (!language) throw new JobeError(400, `Language '${languageId}' is not known`);

  const input = run.input ?? "";
  if (typeof input !== "string") throw new JobeError(400, "run_spec attribute 'input' must be a string");

  let sourcefilename: string | undefined;
  if (run.sourcefilename !== undefined && run.sourcefilename !== null && run.sourcefilename !== "") {
    if (typeof run.sourcefilename !== "string" || !isValidSourceFilename(run.sourcefilename))
      throw new JobeError(400, "The sourcefilename for the run_spec is illegal");
    // Jobe's special case for old CodeRunners: 'prog.java' is almost certainly wrong, so the
    // name is taken from the source instead.
    if (run.sourcefilename !== "prog.java") sourcefilename = run.sourcefilename;
  }

  const rawFiles = run.file_list ?? [];
  if (!Array.isArray(rawFiles)) throw new JobeError(400, "run_spec file_list must be a list of [file_id, file_name]");
  if (rawFiles.length > MAX_FILE_LIST)
    throw new JobeError(400, `run_spec file_list may name at most ${MAX_FILE_LIST} files (got ${rawFiles.length})`);
  const fileList = rawFiles.map((entry) => {
    const spec = fileSpec(entry);
    if (!spec) throw new JobeError(400, `Invalid file specifier: ${JSON.stringify(entry)?.slice(0, 200)}`);
    return spec;
  });

  return {
    language,
    sourcecode: run.sourcecode as string,
    sourcefilename,
    input,
    fileList,
    parameters: parameters(run.parameters),
  };
}
