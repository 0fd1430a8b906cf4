import { db } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/database-url";

/** Which database this test process runs on (its project's DATABASE_URL). */
export const provider = () => databaseProvider();

/** Raw SQL with `?` placeholders, which PostgreSQL spells $1, $2, … */
async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  let n = 0;
  const text = provider() === "postgresql" ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  return (await db()).$queryRawUnsafe<T[]>(text, ...params);
}

/** What one column of a row really takes: text and blobs by their bytes, the rest by their size. */
async function columnSizes(table: string): Promise<string[]> {
  if (provider() === "sqlite") {
    const cols = await query<{ name: string }>(`PRAGMA table_info("${table}")`);
    return cols.map((c) => `coalesce(length(CAST("${c.name}" AS BLOB)), 0)`);
  }
  const cols = await query<{ name: string; type: string }>(
    "SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns WHERE table_name = ?",
    table,
  );
  return cols.map((c) =>
    ["text", "bytea"].includes(c.type)
      ? `coalesce(octet_length("${c.name}"), 0)`
      : `coalesce(pg_column_size("${c.name}"), 0)`,
  );
}

/** Bytes the matching rows hold, every column counted, whatever the schema and the database. */
export async function storedRowBytes(table: "Run" | "Submission", where: string, ...params: unknown[]) {
  const sum = (await columnSizes(table)).join(" + ");
  const [row] = await query<{ n: unknown }>(`SELECT sum(${sum}) AS n FROM "${table}" WHERE ${where}`, ...params);
  return Number(row?.n ?? 0);
}

/** The database's own idea of its size: SQLite's pages, PostgreSQL's pg_database_size. */
export async function databaseBytes(): Promise<number> {
  if (provider() === "postgresql") {
    const [row] = await query<{ n: unknown }>("SELECT pg_database_size(current_database()) AS n");
    return Number(row?.n);
  }
  const pragma = async (name: string) => Number(Object.values((await query<object>(`PRAGMA ${name}`))[0] ?? {})[0]);
  return (await pragma("page_count")) * (await pragma("page_size"));
}

export { query as rawQuery };
