package io.bcsync.sync.mapping;

/** Where something was written: the mapping file and the 1-based line, for error messages. */
public record SourceLocation(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
