-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',
    "language" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "files" TEXT NOT NULL,
    "stdin" TEXT NOT NULL DEFAULT '',
    "args" TEXT NOT NULL DEFAULT '[]',
    "env" TEXT NOT NULL DEFAULT '{}',
    "limits" TEXT NOT NULL,
    "network" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "compile" TEXT,
    "run" TEXT,
    "message" TEXT,
    "wallTimeMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Run_ownerId_createdAt_idx" ON "Run"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_status_idx" ON "Run"("status");

