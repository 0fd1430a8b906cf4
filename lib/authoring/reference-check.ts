import "server-only";
import type { Reference } from "../db/authored-exercises";
import type { ExerciseDefinition } from "../judge/exercise";
import { type Judgement, judge } from "../judge/judge";
import { parseSolution } from "../judge/solution";
import type { Engine } from "../sandbox";

/**
 * Judge the author's reference solution on every test (hidden ones too). An exercise may be
 * published only when this says accepted: every test AC, so students get a solvable exercise
 * whose expected outputs a real program produces within the limits.
 */
export async function checkReference(
  engine: Engine,
  def: ExerciseDefinition,
  reference: Reference,
): Promise<{ accepted: boolean; judgement: Judgement }> {
  const req = parseSolution(engine, def, reference);
  const judgement = await judge(engine, def, req, "submit");
  return { accepted: judgement.tests.every((t) => t.verdict === "AC"), judgement };
}
