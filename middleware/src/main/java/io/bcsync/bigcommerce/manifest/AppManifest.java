package io.bcsync.bigcommerce.manifest;

import java.util.List;

/**
 * The app as described in {@code bc-app-manifest/bcsync-app.json}: the single source of truth for
 * the OAuth scopes requested, the callback paths, and the hooks bcsync registers on every store.
 */
public record AppManifest(
    int manifestVersion,
    String appVersion,
    String name,
    Callbacks callbacks,
    List<Scope> scopes,
    List<HookSpec> hooks) {

  public record Callbacks(String auth, String load, String uninstall, String removeUser) {}

  /** An OAuth scope and why bcsync needs it. */
  public record Scope(String scope, String reason) {}

  /** A hook to keep registered: its scope and the destination path under the public URL. */
  public record HookSpec(String scope, String destinationPath) {
    public String destination(String publicUrl) {
      return publicUrl + destinationPath;
    }
  }

  /** Space-separated, as BigCommerce sends the granted scopes to the auth callback. */
  public String scopeList() {
    return String.join(" ", scopes.stream().map(Scope::scope).toList());
  }
}
