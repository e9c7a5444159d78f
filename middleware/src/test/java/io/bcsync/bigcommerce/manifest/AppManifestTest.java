package io.bcsync.bigcommerce.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.bigcommerce.app.BigCommerceAppController;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged manifest is complete and names the callbacks the controller actually serves. */
class AppManifestTest {
  @Test
  void packaged_manifest_lists_scopes_with_reasons_callbacks_and_hooks() throws Exception {
    AppManifest manifest;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(AppManifestLoader.CLASSPATH_LOCATION)) {
      assertThat(in)
          .as("the build copies bc-app-manifest/bcsync-app.json onto the classpath")
          .isNotNull();
      manifest = AppManifestLoader.parse(in, "test");
    }

    assertThat(manifest.scopes())
        .isNotEmpty()
        .allSatisfy(scope -> assertThat(scope.reason()).hasSizeGreaterThan(20));
    assertThat(manifest.scopes())
        .extracting(AppManifest.Scope::scope)
        .doesNotHaveDuplicates()
        .doesNotContain("store_v2_default");
    assertThat(manifest.hooks())
        .extracting(AppManifest.HookSpec::scope)
        .contains(
            "store/order/*", "store/customer/*", "store/product/*", "store/hook/deliveryException");
    // BigCommerce requires the delivery-exception hook's destination to differ from every other
    // hook's.
    assertThat(manifest.hooks())
        .extracting(AppManifest.HookSpec::destinationPath)
        .filteredOn(path -> path.contains("delivery-exception"))
        .hasSize(1);

    String base = BigCommerceAppController.class.getAnnotation(Controller.class).value();
    List<String> served =
        Arrays.stream(BigCommerceAppController.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(Get.class))
            .map(method -> base + method.getAnnotation(Get.class).value())
            .toList();
    assertThat(served)
        .containsExactlyInAnyOrder(
            manifest.callbacks().auth(),
            manifest.callbacks().load(),
            manifest.callbacks().uninstall(),
            manifest.callbacks().removeUser());
  }
}
