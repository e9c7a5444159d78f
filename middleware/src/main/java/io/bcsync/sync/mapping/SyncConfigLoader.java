package io.bcsync.sync.mapping;

import io.bcsync.sync.rules.NoticeChannels;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a store's sync configuration: the shipped defaults ({@value #DEFAULTS_RESOURCE} on the
 * classpath), overlaid by the store's own file when it has one, validated against the schema. Meant
 * to run at startup for every configured store; it throws {@link InvalidMappingException} listing
 * every problem with file, line and field.
 */
public final class SyncConfigLoader {
  public static final String DEFAULTS_RESOURCE = "io/bcsync/sync/mapping/default-sync.yml";
  private static final String DEFAULTS_NAME = "classpath:" + DEFAULTS_RESOURCE;

  private final SalesforceSchema schema;

  public SyncConfigLoader(SalesforceSchema schema) {
    this.schema = schema;
  }

  /** The defaults alone. */
  public StoreSyncConfig loadDefaults() {
    return load(Optional.empty(), NoticeChannels.UNCHECKED);
  }

  /** The defaults overlaid by {@code storeFile}. */
  public StoreSyncConfig load(Path storeFile) {
    return load(Optional.of(storeFile), NoticeChannels.UNCHECKED);
  }

  /**
   * The defaults, overlaid by {@code storeFile} when present, with enabled notices checked against
   * the channels the store has.
   */
  public StoreSyncConfig load(Optional<Path> storeFile, NoticeChannels channels) {
    List<MappingProblem> problems = new ArrayList<>();
    MappingDocument merged = readDefaults(problems);
    if (storeFile.isPresent()) {
      merged = MappingMerger.merge(merged, readFile(storeFile.get(), problems));
    }
    if (!problems.isEmpty()) {
      throw new InvalidMappingException(
          problems); // structure errors would only cause follow-up noise below
    }
    SyncMapping mapping = new MappingValidator(schema, problems).resolve(merged);
    SettingsReader settings = new SettingsReader(merged.settings(), problems);
    StoreSyncConfig config =
        new StoreSyncConfig(
            mapping,
            settings.orders(mapping),
            settings.matching(),
            new RulesReader(schema, problems, channels).read(merged.rules()),
            settings.salesforceCustomerFields(),
            new ReverseSettingsReader(merged.settings(), schema, problems).read());
    if (!problems.isEmpty()) {
      throw new InvalidMappingException(problems);
    }
    return config;
  }

  private static MappingDocument readDefaults(List<MappingProblem> problems) {
    InputStream in = SyncConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return MappingParser.parse(DEFAULTS_NAME, reader, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MappingDocument readFile(Path file, List<MappingProblem> problems) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return MappingParser.parse(file.toString(), reader, problems);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mapping file " + file, e);
    }
  }
}
