package io.bcsync.sync.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.revenue.DailyFigures.RefundOnDay;
import io.bcsync.sync.revenue.DailyFigures.Row;
import io.bcsync.sync.revenue.DailyFigures.Sale;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of a day, checked against figures computed by hand. */
class DailyFiguresTest {
  private static Sale sale(long id, int status, String total, List<String> coupons, String utm) {
    return new Sale(
        id, status, new BigDecimal(total), coupons, utm == null ? null : new Utm(utm, null));
  }

  @Test
  void salesCountForTheTotalEachCouponAndTheirUtmSourceAndRefundsReduceTheSameSources() {
    Sale a = sale(1, 11, "35.00", List.of("SPRING10"), "google");
    Sale b = sale(2, 11, "30.00", List.of("SUMMER20", "Spring10"), null);
    Sale c = sale(3, 2, "10.00", List.of(), null);
    Sale declined = sale(4, 6, "99.00", List.of("SPRING10"), "google");
    Sale older = sale(0, 14, "20.00", List.of(), "newsletter");

    Map<String, Row> rows =
        byKey(
            DailyFigures.of(
                List.of(a, b, c, declined),
                List.of(
                    new RefundOnDay(1, new BigDecimal("15.00"), a),
                    new RefundOnDay(2, new BigDecimal("8.00"), older))));

    assertThat(rows.keySet())
        .containsExactly(
            "all", "coupon:spring10", "coupon:summer20", "none", "utm:google", "utm:newsletter");
    assertRow(rows.get("all"), "75.00", "23.00", 3, "Total");
    assertRow(rows.get("coupon:spring10"), "65.00", "15.00", 2, "Coupon");
    assertRow(rows.get("coupon:summer20"), "30.00", "0", 1, "Coupon");
    assertRow(rows.get("none"), "10.00", "0", 1, "None");
    assertRow(rows.get("utm:google"), "35.00", "15.00", 1, "UTM");
    assertRow(rows.get("utm:newsletter"), "0", "8.00", 0, "UTM");
    assertThat(rows.get("utm:newsletter").net()).isEqualByComparingTo("-8.00");
    assertThat(rows.get("coupon:spring10").source()).isEqualTo("spring10");
    assertThat(rows.get("all").source()).isNull();
  }

  @Test
  void aDayWithoutSalesStillHasItsTotalRow() {
    assertThat(DailyFigures.of(List.of(), List.of()))
        .singleElement()
        .satisfies(r -> assertRow(r, "0", "0", 0, "Total"));
  }

  private static Map<String, Row> byKey(List<Row> rows) {
    Map<String, Row> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.sourceKey(), r));
    return out;
  }

  private static void assertRow(Row row, String revenue, String refunds, int orders, String type) {
    assertThat(row.revenue()).isEqualByComparingTo(revenue);
    assertThat(row.refunds()).isEqualByComparingTo(refunds);
    assertThat(row.orderCount()).isEqualTo(orders);
    assertThat(row.sourceType()).isEqualTo(type);
  }
}
