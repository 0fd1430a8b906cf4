import "server-only";
import { join, raw, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import { db } from "./client";
import { databaseProvider } from "./database-url";
import { normalizeSearch } from "./search-text";

export interface SearchScope {
  ownerId: string;
  language?: string;
  status?: string;
}

/**
 * `column` holds `text`, taken as plain text. Not Prisma's `contains`: that becomes LIKE, which
 * reads % and _ in a query as wildcards, and on PostgreSQL \ as an escape (code with a backslash
 * would never be found there). Both sides are lower-cased already (lib/db/search-text.ts).
 */
function holds(column: "searchCode" | "searchOutput", text: string): Sql {
  const position = databaseProvider() === "postgresql" ? "strpos" : "instr";
  return sql`${raw(`${position}("${column}", `)}${text}${raw(") > 0")}`;
}

/**
 * Ids of the runs in scope whose code or output contains `q`, case-insensitively, newest first.
 * Rows written since 0005 match on their search columns; older SQLite rows (searchCode null) on
 * their JSON columns, as before (SQLite's LIKE: case-insensitive for ASCII). A PostgreSQL
 * database starts at 0005, so it has none. Reads one index range of the owner's rows (at most
 * their quota), ids only.
 */
export async function matchingRunIds(scope: SearchScope, q: string): Promise<string[]> {
  const needle = normalizeSearch(q);
  const matches = [holds("searchCode", needle), holds("searchOutput", needle)];
  if (databaseProvider() === "sqlite") {
    const like = `%${q}%`;
    matches.push(
      sql`("searchCode" IS NULL AND ("files" LIKE ${like} OR "run" LIKE ${like} OR "compile" LIKE ${like}))`,
    );
  }
  const filters = [sql`"ownerId" = ${scope.ownerId}`];
  if (scope.language) filters.push(sql`"language" = ${scope.language}`);
  if (scope.status) filters.push(sql`"status" = ${scope.status}`);
  const client = await db();
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Run" WHERE ${join(filters, " AND ")} AND (${join(matches, " OR ")})
    ORDER BY "createdAt" DESC, "id" DESC`;
  return rows.map((r) => r.id);
}
