package io.bcsync.sync;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.config.SmtpConfig;
import io.bcsync.config.StoreConfig;
import io.bcsync.config.StoreNoticeConfig;
import io.bcsync.sync.mapping.StoreSyncConfig;
import io.bcsync.sync.mapping.SyncConfigLoader;
import io.bcsync.sync.mapping.SyncMapper;
import io.bcsync.sync.rules.NoticeChannels;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each store's sync mapping: {@code bcsync.bigcommerce.stores.<hash>.sync-mapping} when set, else
 * {@code bcsync.sync.default-mapping} when set, else the shipped defaults; each laid over the
 * shipped defaults and validated against the {@link io.bcsync.sync.mapping.SalesforceSchema} bean.
 * Loaded at startup ({@link Context}), so a bad file stops the application with the loader's
 * file:line:field message instead of failing orders later. Stores installed through the app (not in
 * configuration) use the default mapping.
 */
@Context
@Requires(condition = SalesforceConfigured.class)
public class SyncConfigs {
  private static final Logger LOG = LoggerFactory.getLogger(SyncConfigs.class);
  public static final String DEFAULT_KEY = "bcsync.sync.default-mapping";

  /** A store's validated configuration and the mapper built from it. */
  public record Loaded(StoreSyncConfig config, SyncMapper mapper) {}

  private final Loaded defaults;
  private final Map<String, Loaded> byStore = new ConcurrentHashMap<>();
  private final StoreNoticeChannels noticeChannels;

  public SyncConfigs(SyncConfigLoader loader, Environment environment, List<StoreConfig> stores) {
    this(loader, environment, stores, List.of(), null);
  }

  /**
   * @param notices the stores' notice settings and {@code smtp} the SMTP server, against which
   *     enabled notice rules are checked at startup
   */
  @jakarta.inject.Inject
  public SyncConfigs(
      SyncConfigLoader loader,
      Environment environment,
      List<StoreConfig> stores,
      List<StoreNoticeConfig> notices,
      @io.micronaut.core.annotation.Nullable SmtpConfig smtp) {
    Optional<String> defaultFile =
        environment.getProperty(DEFAULT_KEY, String.class).filter(f -> !f.isBlank());
    this.noticeChannels = new StoreNoticeChannels(notices, smtp);
    this.defaults = load(loader, defaultFile, noticeChannels.ofStoresWithout(environment, stores));
    for (StoreConfig store : stores) {
      Optional<String> file =
          environment
              .getProperty(
                  StoreConfig.PREFIX + "." + store.storeHash() + ".sync-mapping", String.class)
              .filter(f -> !f.isBlank());
      if (file.isPresent()) {
        byStore.put(store.storeHash(), load(loader, file, noticeChannels.of(store.storeHash())));
        LOG.info(
            "Store {}: sync mapping {} (orders to {})",
            store.storeHash(),
            file.get(),
            byStore.get(store.storeHash()).config().orders().object());
      }
    }
  }

  public Loaded forStore(String storeHash) {
    return byStore.getOrDefault(storeHash, defaults);
  }

  /** The default configuration and every store's own, each once. */
  public List<Loaded> all() {
    List<Loaded> all = new java.util.ArrayList<>();
    all.add(defaults);
    byStore.values().stream().filter(l -> !all.contains(l)).forEach(all::add);
    return all;
  }

  private static Loaded load(
      SyncConfigLoader loader, Optional<String> file, NoticeChannels channels) {
    StoreSyncConfig config = loader.load(file.map(Path::of), channels);
    return new Loaded(config, new SyncMapper(config.mapping()));
  }
}
