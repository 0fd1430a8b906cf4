import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The database this project's files use, when it is not the default (SQLite's test.db). */
    databaseUrl: string;
  }
}

const script = path.resolve(__dirname, "../../scripts/postgres.sh");

/**
 * The integration-postgres project's database: npm test prepared one (a fresh, migrated
 * runbox_test, named by RUNBOX_TEST_POSTGRES_URL); otherwise scripts/postgres.sh starts the test
 * cluster and prepares it now, and it is stopped again afterwards if this run started it.
 */
export default function setup(project: TestProject) {
  let url = process.env.RUNBOX_TEST_POSTGRES_URL;
  let started = false;
  if (!url) {
    const out = execFileSync("bash", [script, "start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const fields = new Map(
      out
        .trim()
        .split("\n")
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    url = fields.get("RUNBOX_TEST_POSTGRES_URL");
    started = fields.get("started") === "1";
    if (!url) throw new Error(`scripts/postgres.sh start printed no URL:\n${out}`);
  }
  project.provide("databaseUrl", url);
  return () => {
    if (started) execFileSync("bash", [script, "stop"], { stdio: ["ignore", "ignore", "inherit"] });
  };
}
