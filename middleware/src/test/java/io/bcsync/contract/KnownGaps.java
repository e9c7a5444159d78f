package io.bcsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code contract:} entries of {@code sfdx-package/tools/known-gaps.txt}: gaps the package is
 * known to have today, which pass until it is fixed. {@code *} in an entry stands for anything.
 */
final class KnownGaps {
  private KnownGaps() {}

  static List<String> entries(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> line.startsWith("contract:"))
          .map(line -> line.substring("contract:".length()).strip())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails listing every gap that is not known, and every known entry of this scope (the entries
   * starting with {@code scope}, e.g. a permission set name) that matched no gap.
   */
  static void assertNoUnknownGaps(Path file, String scope, Set<String> gaps) {
    List<String> entries = entries(file).stream().filter(e -> e.startsWith(scope)).toList();
    List<String> unknown = new ArrayList<>();
    for (String gap : gaps) {
      if (entries.stream().anyMatch(entry -> matches(entry, gap))) {
        System.out.println("known gap: " + gap);
      } else {
        unknown.add(gap);
      }
    }
    List<String> stale =
        entries.stream().filter(e -> gaps.stream().noneMatch(g -> matches(e, g))).toList();
    assertThat(unknown).as("permission gaps (fix the permission set)").isEmpty();
    assertThat(stale).as("known-gaps entries that match no gap (remove them)").isEmpty();
  }

  static boolean matches(String entry, String gap) {
    StringBuilder regex = new StringBuilder();
    for (String part : entry.split("\\*", -1)) {
      regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(gap).find();
  }
}
