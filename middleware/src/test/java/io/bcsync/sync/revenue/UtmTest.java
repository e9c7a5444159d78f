package io.bcsync.sync.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forms a storefront may record UTM parameters in (docs/order-rules.md, "UTM facts"). */
class UtmTest {
  @Test
  void readsJsonObjectsWithOrWithoutThePrefix() {
    assertThat(Utm.parse("{\"source\":\"Google\",\"medium\":\"CPC\"}"))
        .contains(new Utm("google", "cpc"));
    assertThat(Utm.parse("{\"utm_source\":\"newsletter\",\"utm_medium\":\"email\"}"))
        .contains(new Utm("newsletter", "email"));
  }

  @Test
  void readsTheLandingPageQueryString() {
    assertThat(Utm.parse("?utm_source=Spring%20Mail&utm_medium=email&utm_campaign=x"))
        .contains(new Utm("spring mail", "email"));
  }

  @Test
  void aBareTextIsTheSource() {
    assertThat(Utm.parse(" instagram ")).contains(new Utm("instagram", null));
  }

  @Test
  void nothingUsableIsNoUtm() {
    assertThat(Utm.parse(null)).isEmpty();
    assertThat(Utm.parse("  ")).isEmpty();
    assertThat(Utm.parse("{\"medium\":\"cpc\"}")).isEmpty();
    assertThat(Utm.parse("{not json")).isEmpty();
    assertThat(Utm.parse("utm_medium=cpc")).isEmpty();
  }
}
