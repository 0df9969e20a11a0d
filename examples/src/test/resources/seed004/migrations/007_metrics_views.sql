-- Migration 007: metrics views read by the dashboard (seed 004, section 3)
CREATE VIEW v_run_metrics_summary AS
  SELECT a.name AS agent, count(*) AS runs,
         count(*) FILTER (WHERE r.status = 'failed') AS failed,
         round(avg(r.duration_ms)) AS mean_duration_ms
  FROM agent_runs r JOIN agents a ON a.id = r.agent_id
  GROUP BY a.name;
CREATE VIEW v_failed_runs AS
  SELECT r.id, a.name AS agent, r.started_at FROM agent_runs r JOIN agents a ON a.id = r.agent_id
  WHERE r.status = 'failed';
