/**
 * PostgreSQL's Prisma schema, derived from SQLite's (prisma/schema.prisma), so the two cannot
 * drift: the same models, fields, defaults and indexes; only the provider and the folder the
 * client is generated into differ. Prisma's scalar types map to PostgreSQL's on their own
 * (String → text, DateTime → timestamp(3), Bytes → bytea). Written to prisma/postgres/ by
 * scripts/postgres-schema.ts; a unit test checks the committed file is this function's output.
 */
export function postgresSchema(sqlite: string): string {
  const swap = (text: string, from: RegExp, to: string) => {
    if (!from.test(text))
      throw new Error(`prisma/schema.prisma no longer matches ${from}: update lib/db/postgres-schema.ts`);
    return text.replace(from, to);
  };
  // SQLite's own opening comment describes SQLite: the header below replaces it.
  let schema = swap(sqlite.replace(/^(\/\/.*\n)+/, ""), /^(\s*provider\s*=\s*)"sqlite"$/m, '$1"postgresql"');
  schema = swap(
    schema,
    /^(\s*output\s*=\s*)"\.\.\/lib\/db\/generated\/sqlite"$/m,
    '$1"../../lib/db/generated/postgres"',
  );
  const header = [
    "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: edit that file, then run",
    "// `npx tsx scripts/postgres-schema.ts` (and add a migration to prisma/postgres/migrations).",
  ].join("\n");
  return `${header}\n${schema}`;
}
