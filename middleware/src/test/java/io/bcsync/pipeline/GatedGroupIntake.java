package io.bcsync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records the size of every group and holds the first one until {@link #open()}. */
final class GatedGroupIntake extends GroupIntake {
  private static final long WAIT_SECONDS = 30;

  private final CountDownLatch firstGroupArrived = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);
  private final List<Integer> sizes = new CopyOnWriteArrayList<>();

  GatedGroupIntake(EventIntake intake, Clock clock) {
    super(intake, clock);
  }

  @Override
  List<IntakeResult> recordInTransaction(Connection connection, List<Member> members)
      throws SQLException {
    sizes.add(members.size());
    firstGroupArrived.countDown();
    try {
      if (!gate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return super.recordInTransaction(connection, members);
  }

  boolean awaitFirstGroup() throws InterruptedException {
    return firstGroupArrived.await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  void open() {
    gate.countDown();
  }

  List<Integer> sizes() {
    return sizes;
  }
}
