package io.bcsync.contract;

import io.bcsync.sfdx.MetadataXml;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What one permission set file grants: object permissions and field permissions, by name. */
final class PermissionSetGrants {
  record ObjectGrant(boolean read, boolean create, boolean edit) {}

  record FieldGrant(boolean readable, boolean editable) {}

  private final String name;
  private final Map<String, ObjectGrant> objects = new HashMap<>();
  private final Map<String, FieldGrant> fields = new HashMap<>();

  private PermissionSetGrants(String name) {
    this.name = name;
  }

  /** {@code force-app/main/default/permissionsets/<name>.permissionset-meta.xml}. */
  static PermissionSetGrants read(Path forceApp, String name) {
    PermissionSetGrants grants = new PermissionSetGrants(name);
    MetadataXml root =
        MetadataXml.read(
            forceApp.resolve("main/default/permissionsets/" + name + ".permissionset-meta.xml"));
    for (MetadataXml object : root.all("objectPermissions")) {
      grants.objects.put(
          key(object.text("object").orElse("")),
          new ObjectGrant(
              object.flag("allowRead"), object.flag("allowCreate"), object.flag("allowEdit")));
    }
    for (MetadataXml field : root.all("fieldPermissions")) {
      grants.fields.put(
          key(field.text("field").orElse("")),
          new FieldGrant(field.flag("readable"), field.flag("editable")));
    }
    return grants;
  }

  String name() {
    return name;
  }

  ObjectGrant object(String objectName) {
    return objects.getOrDefault(key(objectName), new ObjectGrant(false, false, false));
  }

  FieldGrant field(String objectName, String fieldName) {
    return fields.getOrDefault(key(objectName + "." + fieldName), new FieldGrant(false, false));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
