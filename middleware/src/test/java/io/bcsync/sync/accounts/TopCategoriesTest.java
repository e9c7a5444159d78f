package io.bcsync.sync.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking and truncation of BC_Top_Categories__c, and the ledger's product id column limit. */
class TopCategoriesTest {
  @Test
  void most_orders_first_ties_by_name_ignoring_case_and_at_most_the_limit() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("safety", 2L);
    counts.put("Tools", 5L);
    counts.put("Adhesives", 2L);
    counts.put("Zinc", 1L);

    assertThat(CompanyRollup.ranked(counts, 3)).isEqualTo("Tools; Adhesives; safety");
    assertThat(CompanyRollup.ranked(counts, 1)).isEqualTo("Tools");
    assertThat(CompanyRollup.ranked(counts, 10)).isEqualTo("Tools; Adhesives; safety; Zinc");
  }

  @Test
  void no_categories_is_no_value() {
    assertThat(CompanyRollup.ranked(Map.of(), 3)).isNull();
  }

  @Test
  void the_joined_names_are_cut_to_the_field_length_without_splitting_a_character() {
    String first = "A".repeat(200);
    String second = "B".repeat(52) + "\uD83D\uDE00"; // an emoji at characters 255 and 256
    Map<String, Long> counts = Map.of(first, 2L, second, 1L);

    String top = CompanyRollup.ranked(counts, 3);

    assertThat(top)
        .isEqualTo(first + "; " + "B".repeat(52))
        .hasSize(CompanyRollup.TOP_CATEGORIES_LENGTH - 1);
  }

  @Test
  void product_ids_beyond_the_column_are_dropped_whole() {
    List<Long> ids = new ArrayList<>();
    for (long i = 1_000_000; i < 1_000_400; i++) {
      ids.add(i);
    }

    String joined = CompanyLedger.joined(ids);

    assertThat(joined.length()).isLessThanOrEqualTo(CompanyLedger.PRODUCT_IDS_MAX);
    assertThat(joined.split(",")).allSatisfy(id -> assertThat(id).hasSize(7));
    assertThat(CompanyLedger.joined(List.of(5L, 7L))).isEqualTo("5,7");
  }
}
