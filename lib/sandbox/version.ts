import semver from "semver";

/** Whether `version` satisfies a Piston-style selector: "*", an exact version, or a semver range. */
export function versionMatches(version: string, selector: string): boolean {
  const s = selector.trim();
  if (s === "" || s === "*" || s === "latest" || s === version) return true;
  const coerced = semver.coerce(version)?.version;
  if (!coerced) return false;
  try {
    return semver.satisfies(coerced, s);
  } catch {
    return false;
  }
}
