package io.bcsync.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * When a gathering group (one tenant's due items of one entity type) may be claimed: once it holds
 * a full batch, once no item has joined it for the quiet period, or once it has gathered for the
 * maximum wait. Until then the workers' claims leave it out, so a burst arriving faster than the
 * workers drain it is claimed in full batches instead of in whatever trickled in during the
 * previous batch. Pure: the caller passes what it observed and a monotonic time in nanoseconds.
 *
 * <p>A released group is held from the other workers of this instance until the claim that took it
 * has committed ({@link #settle}), and a count observed before that commit is not trusted for it:
 * such a count still includes the items just claimed, and releasing on it would claim the few that
 * arrived since as a batch of their own.
 */
final class GatherWindows {
  /**
   * A window's {@code since} while its group has nothing due; {@code settledAt} before any claim.
   */
  private static final long UNSET = Long.MIN_VALUE;

  /** What one observation decided: the groups the next claim leaves out, and those it may take. */
  record Round(Set<GatherGroup> heldBack, Set<GatherGroup> released) {
    static final Round NONE = new Round(Set.of(), Set.of());
  }

  private static final class Window {
    long since = UNSET;
    long lastChange;
    int lastCount;
    boolean inFlight;
    long settledAt = UNSET;
  }

  private final int fill;
  private final long quietNanos;
  private final long maxWaitNanos;
  private final Map<GatherGroup, Window> windows = new HashMap<>();

  GatherWindows(int fill, Duration quietPeriod, Duration maxWait) {
    this.fill = fill;
    this.quietNanos = quietPeriod.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * Decides from the due items counted per group at {@code observedAt} (when the count began).
   * Groups it releases are in flight until {@link #settle}.
   */
  synchronized Round decide(Map<GatherGroup, Integer> due, long observedAt) {
    Set<GatherGroup> heldBack = new HashSet<>();
    Set<GatherGroup> released = new HashSet<>();
    due.forEach(
        (group, count) -> {
          Window window = windows.computeIfAbsent(group, g -> new Window());
          if (window.inFlight || observedAt <= window.settledAt) {
            heldBack.add(group);
            return;
          }
          if (window.since == UNSET) {
            window.since = observedAt;
            window.lastChange = observedAt;
            window.lastCount = count;
          } else if (count != window.lastCount) {
            window.lastCount = count;
            window.lastChange = observedAt;
          }
          boolean ripe =
              count >= fill
                  || observedAt - window.lastChange >= quietNanos
                  || observedAt - window.since >= maxWaitNanos;
          if (ripe) {
            window.inFlight = true;
            released.add(group);
          } else {
            heldBack.add(group);
          }
        });
    // Groups with nothing due gather nothing; forget those settled long ago.
    windows
        .entrySet()
        .removeIf(
            entry -> {
              Window window = entry.getValue();
              if (due.containsKey(entry.getKey())
                  || window.inFlight
                  || observedAt <= window.settledAt) {
                return false;
              }
              window.since = UNSET;
              return window.settledAt == UNSET || observedAt - window.settledAt > maxWaitNanos;
            });
    return new Round(Set.copyOf(heldBack), Set.copyOf(released));
  }

  /**
   * The claim of {@code released} committed at {@code at}: what is left of those groups, and what
   * joins them, gathers afresh.
   */
  synchronized void settle(Set<GatherGroup> released, long at) {
    for (GatherGroup group : released) {
      Window window = windows.get(group);
      if (window != null) {
        window.inFlight = false;
        window.settledAt = at;
        window.since = UNSET;
      }
    }
  }

  /**
   * Nanoseconds from {@code now} until the earliest held group ripens by time (quiet period or
   * maximum wait); {@link Long#MAX_VALUE} when none is gathering.
   */
  synchronized long nanosUntilNextRipening(long now) {
    long next = Long.MAX_VALUE;
    for (Window window : windows.values()) {
      if (window.since == UNSET || window.inFlight) {
        continue;
      }
      long ripensAt = Math.min(window.lastChange + quietNanos, window.since + maxWaitNanos);
      next = Math.min(next, Math.max(0, ripensAt - now));
    }
    return next;
  }
}
