// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (see lib/db/postgres-schema.ts).
import fs from "node:fs";
import path from "node:path";
import { postgresSchema } from "../lib/db/postgres-schema";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "prisma/postgres/schema.prisma");
const next = postgresSchema(fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === next) {
  console.log("prisma/postgres/schema.prisma is up to date");
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, next);
  console.log("wrote prisma/postgres/schema.prisma");
}
