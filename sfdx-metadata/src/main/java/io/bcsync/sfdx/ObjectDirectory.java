package io.bcsync.sfdx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code objects/<Object>} folder: the object's own {@code <Object>.object-meta.xml}, which
 * only objects the package creates have, and one {@code fields/<Field>.field-meta.xml} per field
 * the package adds.
 */
public record ObjectDirectory(Path path) {
  /**
   * The object's API name, which is the folder's name (e.g. {@code Order} or {@code BC_Order__c}).
   */
  public String name() {
    return path.getFileName().toString();
  }

  public Optional<Path> objectMetaFile() {
    Path file = path.resolve(name() + ".object-meta.xml");
    return Files.exists(file) ? Optional.of(file) : Optional.empty();
  }

  /** The field files, sorted by name; none when the package adds no field to the object. */
  public List<Path> fieldFiles() {
    return SfdxSourceTree.filesEndingWith(path.resolve("fields"), ".field-meta.xml");
  }
}
