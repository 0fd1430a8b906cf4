export const VERDICT_LABEL: Record<string, string> = {
  AC: "Accepted",
  WA: "Wrong answer",
  TLE: "Time limit exceeded",
  MLE: "Memory limit exceeded",
  RE: "Runtime error",
  CE: "Compile error",
  OLE: "Output limit exceeded",
  IE: "Internal error",
};

export const VERDICT_TONE: Record<string, string> = {
  AC: "bg-emerald-700 text-white",
  WA: "bg-red-700 text-white",
  TLE: "bg-amber-500 text-black",
  MLE: "bg-amber-500 text-black",
  OLE: "bg-amber-500 text-black",
  RE: "bg-fuchsia-700 text-white",
  CE: "bg-zinc-600 text-white",
  IE: "bg-zinc-400 text-black",
};
