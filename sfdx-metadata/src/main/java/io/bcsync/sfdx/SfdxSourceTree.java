package io.bcsync.sfdx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the metadata files of an SFDX source tree (e.g. {@code sfdx-package/force-app}) are: every
 * {@code objects/<Object>} folder and every CDC channel member, in whichever package directory they
 * sit. Lists are sorted by path, so whatever is built from them comes out the same on every
 * machine.
 */
public final class SfdxSourceTree {
  private static final String NODE_MODULES = "node_modules";

  private final Path root;

  private SfdxSourceTree(Path root) {
    this.root = root;
  }

  /**
   * The tree under {@code root}; refuses a root that is not a directory, since an empty schema
   * would hide it.
   */
  public static SfdxSourceTree at(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "SFDX source directory not found: " + root.toAbsolutePath());
    }
    return new SfdxSourceTree(root);
  }

  public Path root() {
    return root;
  }

  /** The folders of every object under an {@code objects} directory, sorted by path. */
  public List<ObjectDirectory> objects() {
    return directoriesNamed("objects").stream()
        .flatMap(SfdxSourceTree::subdirectories)
        .sorted()
        .map(ObjectDirectory::new)
        .toList();
  }

  /**
   * Every {@code *.platformEventChannelMember-meta.xml}: sorted by folder, then by file within a
   * folder.
   */
  public List<Path> channelMemberFiles() {
    return directoriesNamed("platformEventChannelMembers").stream()
        .flatMap(dir -> filesEndingWith(dir, ".platformEventChannelMember-meta.xml").stream())
        .toList();
  }

  /**
   * The files directly in {@code dir} whose names end with {@code suffix}, sorted; none when it
   * does not exist.
   */
  static List<Path> filesEndingWith(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> directoriesNamed(String name) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(
              path -> Files.isDirectory(path) && path.getFileName().toString().equals(name))
          .filter(path -> !insideNodeModules(path))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * node_modules (LWC Jest tooling beside the package) can hold unrelated folders named "objects".
   */
  private boolean insideNodeModules(Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().equals(NODE_MODULES)) {
        return true;
      }
    }
    return false;
  }

  private static Stream<Path> subdirectories(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
