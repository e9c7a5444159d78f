package io.bcsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results file holds one section per kind of run (without rules, with rules), each between
 * marker comments, so a run replaces its own section and keeps the other run's.
 */
final class ResultSections {
  private static final String TITLE = "# Sync benchmark\n\n";

  private ResultSections() {}

  static void replace(Path file, String section, String markdown) throws IOException {
    String begin = "<!-- bench-sync:" + section + " -->\n";
    String end = "<!-- /bench-sync:" + section + " -->\n";
    String body = begin + markdown + (markdown.endsWith("\n") ? "" : "\n") + end;
    String old = Files.exists(file) ? Files.readString(file) : "";
    int from = old.indexOf(begin);
    int to = old.indexOf(end);
    String updated;
    if (from >= 0 && to > from) {
      updated = old.substring(0, from) + body + old.substring(to + end.length());
    } else if (old.startsWith(TITLE) && old.contains("<!-- bench-sync:")) {
      updated = old + "\n" + body;
    } else {
      // A file from before the sections (or none): start it afresh.
      updated = TITLE + body;
    }
    Files.writeString(file, updated);
  }
}
