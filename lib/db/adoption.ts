import "server-only";
import { db } from "./client";

/**
 * Give an anonymous browser's runs, shares and submissions to an account (on sign-up and
 * sign-in), in one transaction. Returns how many rows of each moved.
 */
export async function adoptOwnerRows(
  browserId: string,
  userId: string,
): Promise<{ runs: number; shares: number; submissions: number }> {
  if (browserId === userId) return { runs: 0, shares: 0, submissions: 0 };
  const client = await db();
  const [runs, shares, submissions] = await client.$transaction([
    client.run.updateMany({ where: { ownerId: browserId }, data: { ownerId: userId } }),
    client.share.updateMany({ where: { ownerId: browserId }, data: { ownerId: userId } }),
    client.submission.updateMany({ where: { ownerId: browserId }, data: { ownerId: userId } }),
  ]);
  return { runs: runs.count, shares: shares.count, submissions: submissions.count };
}
