package io.bcsync.sim.salesforce.oauth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA key a Connected App's certificate carries, from a PEM certificate or PEM public
 * key.
 */
public final class PublicKeys {
  private PublicKeys() {}

  public static RSAPublicKey fromPem(String pem) {
    try {
      if (pem.contains("BEGIN CERTIFICATE")) {
        var certificate =
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return (RSAPublicKey) certificate.getPublicKey();
      }
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an RSA certificate or public key in PEM format", e);
    }
  }
}
