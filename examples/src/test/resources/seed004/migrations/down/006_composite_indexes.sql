-- Migration 006 down: drop the composite indexes
DROP INDEX IF EXISTS idx_agent_runs_started_at;
DROP INDEX IF EXISTS idx_agent_runs_agent_status;
