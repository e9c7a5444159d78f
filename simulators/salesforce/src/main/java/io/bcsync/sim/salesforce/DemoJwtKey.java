package io.bcsync.sim.salesforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * For the standalone demo: a fresh RSA key pair whose private half is written to a file (never
 * printed) so the middleware can sign JWT-bearer assertions the simulator's default Connected App
 * accepts.
 */
final class DemoJwtKey {
  private DemoJwtKey() {}

  static RSAPublicKey generateInto(Path privateKeyFile) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(privateKeyFile, pem);
    try {
      Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the file stays with default permissions
    }
    return (RSAPublicKey) pair.getPublic();
  }
}
