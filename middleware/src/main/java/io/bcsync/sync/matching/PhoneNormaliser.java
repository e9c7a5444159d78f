package io.bcsync.sync.matching;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 with libphonenumber. Numbers without a country code are read in
 * the customer's country when known, else in the configured default region. Anything libphonenumber
 * does not consider a valid number yields nothing: a junk value such as {@code 123} must never
 * become a match key shared by many people.
 */
public final class PhoneNormaliser {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String defaultRegion;

  public PhoneNormaliser(String defaultRegion) {
    String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!PHONES.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException(
          "Unknown phone region '" + defaultRegion + "' (use an ISO 3166 alpha-2 code such as US)");
    }
    this.defaultRegion = region;
  }

  public Optional<String> normalise(String phone, String countryIso2) {
    if (phone == null || phone.isBlank()) {
      return Optional.empty();
    }
    try {
      PhoneNumber parsed = PHONES.parse(phone, regionFor(countryIso2));
      if (!PHONES.isValidNumber(parsed)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(parsed, PhoneNumberFormat.E164));
    } catch (NumberParseException notAPhoneNumber) {
      return Optional.empty();
    }
  }

  private String regionFor(String countryIso2) {
    if (countryIso2 != null) {
      String region = countryIso2.strip().toUpperCase(Locale.ROOT);
      if (PHONES.getSupportedRegions().contains(region)) {
        return region;
      }
    }
    return defaultRegion;
  }
}
