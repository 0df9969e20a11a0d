-- Migration 007 down: drop the metrics views (they depend on agent_runs, which a pg_restore --clean drops and recreates)
DROP VIEW IF EXISTS v_failed_runs;
DROP VIEW IF EXISTS v_run_metrics_summary;
