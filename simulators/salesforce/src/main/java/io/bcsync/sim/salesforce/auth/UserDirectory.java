package io.bcsync.sim.salesforce.auth;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users by username (case-insensitive, as Salesforce usernames are) and by id. */
public final class UserDirectory {
  private final Map<String, SimUser> byUsername = new ConcurrentHashMap<>();

  public void add(SimUser user) {
    byUsername.put(user.username().toLowerCase(Locale.ROOT), user);
  }

  public Optional<SimUser> byUsername(String username) {
    return username == null
        ? Optional.empty()
        : Optional.ofNullable(byUsername.get(username.toLowerCase(Locale.ROOT)));
  }

  public Optional<SimUser> byId(String id) {
    return byUsername.values().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Collection<SimUser> all() {
    return byUsername.values();
  }
}
