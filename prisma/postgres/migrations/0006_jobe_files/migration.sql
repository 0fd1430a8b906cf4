-- The Jobe API's file cache (lib/db/jobe-files.ts): support files uploaded once with
-- PUT /jobe/…/files/{id} and copied into every run whose file_list names them.

-- CreateTable
CREATE TABLE "JobeFile" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobeFile_pkey" PRIMARY KEY ("scope","id")
);

-- Already-compressed or binary content: PostgreSQL's own compression would only cost CPU.
ALTER TABLE "JobeFile" ALTER COLUMN "content" SET STORAGE EXTERNAL;

-- CreateIndex
CREATE INDEX "JobeFile_usedAt_size_idx" ON "JobeFile"("usedAt", "size");
