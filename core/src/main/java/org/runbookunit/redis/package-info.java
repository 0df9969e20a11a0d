/**
 * Check a Redis from a runbook step: {@link org.runbookunit.redis.Redis}, injected into steps that declare it,
 * addressed by endpoint name ({@code redis} by default, written {@code redis://:${REDIS_PASSWORD}@host:6379}).
 * Jedis is an optional dependency of core: add {@code redis.clients:jedis} to use it.
 */
package org.runbookunit.redis;
