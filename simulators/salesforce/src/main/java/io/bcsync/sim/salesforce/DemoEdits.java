package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.data.SaveOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For the standalone demo ({@code --demo-edits-seconds N}): the org's own users at work, so a
 * newcomer sees Salesforce → BigCommerce too. Every N seconds, in turn, a user changes the price of
 * an active standard price book entry whose product has a ProductCode (by −10 % to +10 %), or the
 * phone of a Contact linked to a BigCommerce customer ({@code BC_Customer_Id__c}); each edit is
 * made as the admin user (so its change event is not the integration's) and printed. Until the
 * forward sync has written such records there is nothing to edit, and the turn is skipped.
 */
public final class DemoEdits implements Runnable, AutoCloseable {
  private final SalesforceSimulator sim;
  private final Random random = new Random();
  private final List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "salesforce-demo-edits");
            thread.setDaemon(true);
            return thread;
          });
  private boolean priceTurn = true;

  private DemoEdits(SalesforceSimulator sim) {
    this.sim = sim;
  }

  /** Starts the edits on a daemon thread; the JVM's exit ends them. */
  static void every(SalesforceSimulator sim, Duration period) {
    start(sim, period);
  }

  /**
   * Starts the edits on a daemon thread, one every {@code period} (the demo's scripts/run uses 20
   * s; a test a shorter one); {@link #close()} stops them.
   */
  public static DemoEdits start(SalesforceSimulator sim, Duration period) {
    DemoEdits edits = new DemoEdits(sim);
    long millis = period.toMillis();
    edits.scheduler.scheduleWithFixedDelay(edits, millis, millis, TimeUnit.MILLISECONDS);
    return edits;
  }

  /**
   * The edits made so far, as printed ({@code PricebookEntry … UnitPrice a -> b}, {@code Contact
   * …}).
   */
  public List<String> made() {
    return List.copyOf(made);
  }

  /** Stops the edits; one under way is finished first. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    try {
      boolean edited = priceTurn ? editPrice() || editPhone() : editPhone() || editPrice();
      priceTurn = !priceTurn;
      if (!edited) {
        System.out.println("demo edit: nothing synced to edit yet");
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: report and keep editing.
      System.err.println("demo edit failed: " + e);
    }
  }

  private boolean editPrice() {
    String standard = sim.standardPricebookId();
    List<Map<String, Object>> entries =
        sim.records("PricebookEntry").stream()
            .filter(e -> standard.equals(e.get("Pricebook2Id")))
            .filter(e -> Boolean.TRUE.equals(e.get("IsActive")))
            .filter(e -> e.get("UnitPrice") != null)
            .filter(e -> hasProductCode(e.get("Product2Id")))
            .toList();
    if (entries.isEmpty()) {
      return false;
    }
    Map<String, Object> entry = entries.get(random.nextInt(entries.size()));
    BigDecimal old = new BigDecimal(entry.get("UnitPrice").toString());
    BigDecimal factor = BigDecimal.valueOf(90 + random.nextInt(21)).movePointLeft(2);
    BigDecimal price = old.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    if (price.compareTo(old) == 0) {
      price = old.add(BigDecimal.ONE);
    }
    report(
        sim.updateAsUser(entry.get("Id").toString(), Map.of("UnitPrice", price)),
        "PricebookEntry " + entry.get("Id") + " UnitPrice " + old + " -> " + price);
    return true;
  }

  private boolean editPhone() {
    List<Map<String, Object>> contacts =
        sim.records("Contact").stream().filter(c -> c.get("BC_Customer_Id__c") != null).toList();
    if (contacts.isEmpty()) {
      return false;
    }
    Map<String, Object> contact = contacts.get(random.nextInt(contacts.size()));
    String phone = String.format("+1 555 01%02d", random.nextInt(100));
    report(
        sim.updateAsUser(contact.get("Id").toString(), Map.of("Phone", phone)),
        "Contact "
            + contact.get("Id")
            + " ("
            + contact.get("BC_Customer_Id__c")
            + ") Phone -> "
            + phone);
    return true;
  }

  private boolean hasProductCode(Object productId) {
    return productId != null
        && sim.record(productId.toString()).map(p -> p.get("ProductCode") != null).orElse(false);
  }

  private void report(SaveOutcome outcome, String what) {
    if (outcome.success()) {
      made.add(what);
    }
    System.out.println(
        "demo edit: " + what + (outcome.success() ? "" : " refused: " + outcome.errors()));
  }
}
