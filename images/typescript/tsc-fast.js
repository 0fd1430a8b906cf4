// tsc-fast: `tsc` for Runbox sandboxes, started from a V8 startup snapshot that already holds
// the TypeScript compiler and the parsed and bound library files (lib.*.d.ts, @types/node).
// That saves about 1 s of the ~1.5 s that a plain `tsc` takes for a small program.
//
//   build (image build time):  node --snapshot-blob tsc-fast.blob --build-snapshot tsc-fast.js ARGS...
//                              (ARGS: a training compile with the flags the sandbox uses)
//   use:                       node --snapshot-blob tsc-fast.blob -- ARGS...
//
// ARGS are tsc's arguments, with tsc's output and exit codes: a compile of files named on the
// command line goes through the same steps as tsc's (performCompilation); anything else
// (--project, --build, --watch, --help, --version, --init, tsconfig.json, --incremental,
// --diagnostics, ...) is handed to tsc's own executeCommandLine. A library file is reused only
// when the compile asks for it with the settings it was parsed with; otherwise it is parsed anew.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const v8 = require("v8");

const TS_JS = "/opt/runbox/ts/node_modules/typescript/lib/typescript.js";
const CACHE_PREFIX = "/opt/runbox/ts/";

function loadTypeScript() {
  // A snapshot can only require() built-in modules, so typescript.js is loaded by hand.
  const source = fs.readFileSync(TS_JS, "utf8");
  const wrapper = vm.runInThisContext(
    "(function (exports, require, module, __filename, __dirname) {" + source + "\n})",
    { filename: TS_JS },
  );
  const mod = { exports: {} };
  wrapper.call(mod.exports, mod.exports, require, mod, TS_JS, path.dirname(TS_JS));
  return mod.exports;
}

const ts = loadTypeScript();
const sys = ts.sys;
// ts.sys memoizes the working directory, which would be the snapshot build's.
sys.getCurrentDirectory = () => process.cwd();

const cache = new Map(); // file name -> bound SourceFile

function sameSettings(sf, langOpts) {
  if (typeof langOpts !== "object" || langOpts === null) return sf.languageVersion === langOpts;
  return (
    sf.languageVersion === langOpts.languageVersion &&
    sf.impliedNodeFormat === langOpts.impliedNodeFormat &&
    sf.jsDocParsingMode === langOpts.jsDocParsingMode
  );
}

function needsFullTsc(cmd) {
  const o = cmd.options;
  return (
    cmd.errors.length > 0 ||
    cmd.fileNames.length === 0 ||
    o.locale ||
    o.init ||
    o.version ||
    o.help ||
    o.all ||
    o.project ||
    o.showConfig ||
    o.watch ||
    o.incremental ||
    o.composite ||
    o.listFilesOnly ||
    o.generateCpuProfile ||
    o.generateTrace ||
    o.diagnostics ||
    o.extendedDiagnostics ||
    o.build
  );
}

// tsc's executeCommandLineWorker (no tsconfig) + performCompilation, with the source file cache.
// Returns the exit status, or undefined when tsc itself has to handle the arguments.
function compile(args, useCache) {
  const cmd = ts.parseCommandLine(args, (p) => sys.readFile(p));
  if (needsFullTsc(cmd)) return undefined;
  const cwd = sys.getCurrentDirectory();
  const options = ts.convertToOptionsWithAbsolutePaths(cmd.options, (f) => ts.getNormalizedAbsolutePath(f, cwd));
  const pretty =
    options.pretty === undefined
      ? !!sys.writeOutputIsTTY && sys.writeOutputIsTTY() && !sys.getEnvironmentVariable("NO_COLOR")
      : options.pretty;
  const reportDiagnostic = ts.createDiagnosticReporter(sys, pretty);
  const host = ts.createCompilerHostWorker(options, undefined, sys);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors; // as tsc
  if (useCache) {
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (fileName, langOpts, onError, shouldCreate) => {
      const sf = cache.get(fileName);
      if (sf !== undefined && !shouldCreate && sameSettings(sf, langOpts)) return sf;
      return getSourceFile.call(host, fileName, langOpts, onError, shouldCreate);
    };
  }
  const currentDirectory = host.getCurrentDirectory();
  const getCanonicalFileName = ts.createGetCanonicalFileName(host.useCaseSensitiveFileNames());
  ts.changeCompilerHostLikeToUseCache(host, (f) => ts.toPath(f, currentDirectory, getCanonicalFileName));
  const program = ts.createProgram({
    rootNames: cmd.fileNames,
    options,
    projectReferences: cmd.projectReferences,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(cmd),
  });
  const status = ts.emitFilesAndReportErrorsAndGetExitStatus(
    program,
    reportDiagnostic,
    (s) => sys.write(s + sys.newLine),
    pretty
      ? (errorCount, filesInError) => sys.write(ts.getErrorSummaryText(errorCount, filesInError, sys.newLine, sys))
      : undefined,
  );
  return { status, program };
}

function main(args) {
  if (sys.setBlocking) sys.setBlocking();
  const result = compile(args, true);
  if (result === undefined) {
    ts.executeCommandLine(sys, () => {}, args); // exits the process
    return;
  }
  process.exitCode = result.status;
}

if (v8.startupSnapshot && v8.startupSnapshot.isBuildingSnapshot()) {
  // Training compile with the sandbox's flags; keep the library files it parsed and bound.
  const result = compile(process.argv.slice(2), false);
  if (result === undefined || result.status !== 0) {
    throw new Error("tsc-fast: the training compile failed");
  }
  result.program.getTypeChecker();
  for (const sf of result.program.getSourceFiles()) {
    if (sf.fileName.startsWith(CACHE_PREFIX)) cache.set(sf.fileName, sf);
  }
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // Node caches process.cwd() too; chdir refreshes it.
    process.chdir(fs.realpathSync.native("."));
    main(process.argv.slice(1));
  });
} else {
  main(process.argv.slice(2));
}
