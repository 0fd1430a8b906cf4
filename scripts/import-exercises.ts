// Imports exercises/<slug>/ folders into the database, idempotently: unchanged exercises
// are not written, changed ones are replaced, exercises created through the API are kept.
import path from "node:path";
import { upsertExercise } from "../lib/db/exercises";
import { readExerciseFolders } from "../lib/judge/exercise-files";

const root = path.resolve(import.meta.dirname, "../exercises");
const counts = { created: 0, updated: 0, unchanged: 0, conflict: 0 };
for (const def of readExerciseFolders(root)) {
  const outcome = await upsertExercise(def, "repo");
  counts[outcome]++;
  if (outcome === "conflict")
    console.warn(`[runbox] exercises/${def.slug} skipped: a teacher's exercise has this slug`);
}
console.log(`[runbox] exercises: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
