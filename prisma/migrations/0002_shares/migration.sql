-- CreateTable
CREATE TABLE "Share" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Share_runId_idx" ON "Share"("runId");

-- CreateIndex
CREATE INDEX "Share_ownerId_idx" ON "Share"("ownerId");
