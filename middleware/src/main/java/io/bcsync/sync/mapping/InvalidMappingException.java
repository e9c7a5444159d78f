package io.bcsync.sync.mapping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mapping that cannot be used; the message lists every problem with file, line and field, one per
 * line.
 */
public final class InvalidMappingException extends RuntimeException {
  private final List<MappingProblem> problems;

  public InvalidMappingException(List<MappingProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<MappingProblem> problems() {
    return problems;
  }

  private static String describe(List<MappingProblem> problems) {
    return "Invalid sync mapping ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n  "
        + problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n  "));
  }
}
