-- The Jobe API's file cache (lib/db/jobe-files.ts): support files uploaded once with
-- PUT /jobe/…/files/{id} and copied into every run whose file_list names them.

-- CreateTable
CREATE TABLE "JobeFile" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("scope", "id")
);

-- CreateIndex
CREATE INDEX "JobeFile_usedAt_size_idx" ON "JobeFile"("usedAt", "size");
