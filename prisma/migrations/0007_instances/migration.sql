-- Instances sharing the database (heartbeats) and the instance running each run: the runs of an
-- instance that died are marked interrupted by the others, not by whoever starts next.

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "instanceId" TEXT;

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Run_status_instanceId_idx" ON "Run"("status", "instanceId");

-- CreateIndex
CREATE INDEX "Instance_heartbeatAt_idx" ON "Instance"("heartbeatAt");
