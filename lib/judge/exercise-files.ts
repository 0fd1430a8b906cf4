import fs from "node:fs";
import path from "node:path";
import { findLanguage } from "../sandbox/languages";
import { ExerciseDefinition } from "./exercise";

/**
 * Read exercises/<slug>/ (exercise.json, statement.md, tests.json, starter/<language>.<ext>)
 * into a definition; throws with the folder and the problem when it is invalid.
 */
export function readExerciseFolder(dir: string): ExerciseDefinition {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
  const meta = JSON.parse(read("exercise.json"));
  const starter: Record<string, { name: string; content: string }> = {};
  const starterDir = path.join(dir, "starter");
  if (fs.existsSync(starterDir)) {
    for (const file of fs.readdirSync(starterDir).sort()) {
      const language = findLanguage(file.replace(/\.[^.]+$/, ""));
      if (!language) throw new Error(`${dir}/starter/${file}: no language is called "${file}"`);
      starter[language.id] = { name: language.defaultFile, content: read(path.join("starter", file)) };
    }
  }
  const parsed = ExerciseDefinition.safeParse({
    ...meta,
    statement: read("statement.md"),
    tests: JSON.parse(read("tests.json")),
    starter,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`${dir}: ${problems}`);
  }
  return parsed.data;
}

/** Every exercise folder under `root` (folders without exercise.json are skipped). */
export function readExerciseFolders(root: string): ExerciseDefinition[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, "exercise.json")))
    .map((d) => readExerciseFolder(path.join(root, d.name)))
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** Reference solutions: exercises/<slug>/solutions/<language>/<files>. */
export function readSolutions(dir: string): { language: string; files: { name: string; content: string }[] }[] {
  const root = path.join(dir, "solutions");
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).map((language) => ({
    language,
    files: fs
      .readdirSync(path.join(root, language))
      .sort()
      .map((name) => ({ name, content: fs.readFileSync(path.join(root, language, name), "utf8") })),
  }));
}
