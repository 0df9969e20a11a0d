/**
 * A sample of seed 003's signal-harvester API, small enough to read: its PostgreSQL schema made by in-repo migrations
 * (19 tables, schema version 9), a Redis cache, {@code /health/ready|live|startup} with their components, rate-limit
 * headers, a scheduler heartbeat and {@code /metrics/prometheus} for Prometheus to scrape.
 */
package org.runbookunit.examples.signalharvester;
