-- AlterTable
ALTER TABLE "Run" ADD COLUMN "debug" TEXT;
