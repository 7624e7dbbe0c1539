package org.globustimer.core.timer;

import java.time.Instant;

/**
 * What the engine keeps about a timer. {@code nextSlot}/{@code nextRunAt} name the next tick;
 * {@code pendingSlot} a run whose submission is not yet answered (or is being retried); {@code
 * activeSlot} a run whose action is still in progress; {@code dueAt} when the engine must next act
 * (the next tick, or the next submission attempt), null when nothing is scheduled.
 */
public record TimerState(
    TimerStatus status,
    String inactiveCause,
    String inactiveDetail,
    Long nextSlot,
    Instant nextRunAt,
    Long pendingSlot,
    Long activeSlot,
    Instant dueAt,
    int runs,
    int errors,
    int skipped,
    Instant lastRanAt,
    String claimedBy,
    Instant leaseUntil,
    long version) {

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copy-on-write editing of the many fields an engine step changes at once. */
  public static final class Builder {
    public TimerStatus status;
    public String inactiveCause;
    public String inactiveDetail;
    public Long nextSlot;
    public Instant nextRunAt;
    public Long pendingSlot;
    public Long activeSlot;
    public Instant dueAt;
    public int runs;
    public int errors;
    public int skipped;
    public Instant lastRanAt;
    public String claimedBy;
    public Instant leaseUntil;
    public long version;

    private Builder(TimerState s) {
      status = s.status;
      inactiveCause = s.inactiveCause;
      inactiveDetail = s.inactiveDetail;
      nextSlot = s.nextSlot;
      nextRunAt = s.nextRunAt;
      pendingSlot = s.pendingSlot;
      activeSlot = s.activeSlot;
      dueAt = s.dueAt;
      runs = s.runs;
      errors = s.errors;
      skipped = s.skipped;
      lastRanAt = s.lastRanAt;
      claimedBy = s.claimedBy;
      leaseUntil = s.leaseUntil;
      version = s.version;
    }

    public Builder released() {
      claimedBy = null;
      leaseUntil = null;
      return this;
    }

    public TimerState build() {
      return new TimerState(
          status,
          inactiveCause,
          inactiveDetail,
          nextSlot,
          nextRunAt,
          pendingSlot,
          activeSlot,
          dueAt,
          runs,
          errors,
          skipped,
          lastRanAt,
          claimedBy,
          leaseUntil,
          version);
    }
  }
}
