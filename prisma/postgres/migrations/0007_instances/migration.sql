-- Instances sharing the database (heartbeats) and the instance running each run: the runs of an
-- instance that died are marked interrupted by the others, not by whoever starts next.

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "instanceId" TEXT;

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Run_status_instanceId_idx" ON "Run"("status", "instanceId");

-- CreateIndex
CREATE INDEX "Instance_heartbeatAt_idx" ON "Instance"("heartbeatAt");
