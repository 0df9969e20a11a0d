-- Migration 006: composite indexes for the dashboard's run queries (seed 004, section 3)
CREATE INDEX idx_agent_runs_agent_status ON agent_runs (agent_id, status);
CREATE INDEX idx_agent_runs_started_at ON agent_runs (started_at DESC);
