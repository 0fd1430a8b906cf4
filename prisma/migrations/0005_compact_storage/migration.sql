-- Compact storage and retention. Every existing row stays as it is and reads back unchanged
-- (lib/db/run-rows.ts reads both forms); rows written from now on keep their data in versioned
-- blobs (lib/db/blob.ts) and fill the size and search columns.

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "apiRun" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Run" ADD COLUMN "sizeBytes" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Run" ADD COLUMN "searchCode" TEXT;
ALTER TABLE "Run" ADD COLUMN "searchOutput" TEXT;
ALTER TABLE "Run" ADD COLUMN "input" BLOB;
ALTER TABLE "Run" ADD COLUMN "result" BLOB;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN "data" BLOB;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "sizeBytes" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Submission" ADD COLUMN "data" BLOB;

-- Existing rows: which retention they fall under, and what they store (ROW_OVERHEAD_BYTES = 256
-- in lib/db/row-size.ts, plus every text column's UTF-8 bytes), computed once here.
UPDATE "Run" SET
  "apiRun" = ("source" <> 'ui' OR "ownerId" IS NULL),
  "sizeBytes" = 256
    + length(CAST("files" AS BLOB)) + length(CAST("stdin" AS BLOB)) + length(CAST("args" AS BLOB))
    + length(CAST("env" AS BLOB)) + length(CAST("limits" AS BLOB))
    + coalesce(length(CAST("compile" AS BLOB)), 0) + coalesce(length(CAST("run" AS BLOB)), 0)
    + coalesce(length(CAST("message" AS BLOB)), 0) + coalesce(length(CAST("debug" AS BLOB)), 0);

UPDATE "Submission" SET
  "sizeBytes" = 256
    + length(CAST("files" AS BLOB)) + length(CAST("tests" AS BLOB))
    + coalesce(length(CAST("compile" AS BLOB)), 0);

-- DropIndex
DROP INDEX "Run_ownerId_createdAt_idx";

-- DropIndex
DROP INDEX "Submission_ownerId_idx";

-- CreateIndex
CREATE INDEX "Run_ownerId_createdAt_sizeBytes_status_idx" ON "Run"("ownerId", "createdAt", "sizeBytes", "status");

-- CreateIndex
CREATE INDEX "Run_apiRun_createdAt_sizeBytes_status_idx" ON "Run"("apiRun", "createdAt", "sizeBytes", "status");

-- CreateIndex
CREATE INDEX "Submission_ownerId_createdAt_sizeBytes_idx" ON "Submission"("ownerId", "createdAt", "sizeBytes");

-- Free pages go back to the file system in steps (PRAGMA incremental_vacuum after large
-- deletes) instead of only being reused. Switching an existing database needs one VACUUM.
PRAGMA auto_vacuum = INCREMENTAL;
VACUUM;
