package io.bcsync.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the repository's scripts (bash, curl and node must be installed) and captures its
 * output.
 */
final class ScriptRun {
  private final Process process;
  private final Path output;

  private ScriptRun(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code scripts/<name>} with the admin token in the environment, in {@code workDir}. */
  static ScriptRun start(Path workDir, String token, String name, String... args)
      throws IOException {
    // Surefire runs in the module directory; the scripts live at the repository root.
    Path script = Path.of("..", "scripts", name).toAbsolutePath().normalize();
    assertThat(script).exists();
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(workDir, name, ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("BCSYNC_ADMIN_TOKEN", token);
    return new ScriptRun(builder.start(), output);
  }

  /**
   * Waits for the script to end (bounded, so a hanging script fails the test) and returns its exit
   * status.
   */
  int exitStatus() throws Exception {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      throw new AssertionError("script still running after 60 s; output so far:\n" + output());
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
