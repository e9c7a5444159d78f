package io.bcsync.sim.bigcommerce.store;

import io.bcsync.sim.bigcommerce.faults.FaultPlan;
import io.bcsync.sim.bigcommerce.ratelimit.ConcurrencyLimiter;
import io.bcsync.sim.bigcommerce.ratelimit.RateLimiter;

/**
 * A store's data plus the per-store machinery around its API: quota, concurrency caps, faults, call
 * log.
 */
public record StoreRuntime(
    Store store,
    RateLimiter rateLimiter,
    ConcurrencyLimiter concurrency,
    FaultPlan faults,
    RequestLog requests) {}
