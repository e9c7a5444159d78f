package io.bcsync.sfdx;

import java.nio.file.Path;

/** A metadata file that cannot be read or is not acceptable XML (malformed, or with a DOCTYPE). */
public final class UnreadableMetadataException extends RuntimeException {
  private final transient Path file;

  UnreadableMetadataException(Path file, Exception cause) {
    super("Cannot read Salesforce metadata " + file + ": " + cause.getMessage(), cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
