package cn.gridcase.organisation.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps id-card numbers protected at rest: the number is stored only AES-256-GCM encrypted; a keyed
 * hash (HMAC-SHA256) finds a person by number and keeps numbers unique; lists show a masked copy.
 * The key comes from {@code gridcase.organisation.id-card-key} (GRIDCASE_ID_CARD_KEY, 32 bytes,
 * base64).
 */
@Component
public class IdCardProtector {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec hashKey;

  IdCardProtector(@Value("${gridcase.organisation.id-card-key:}") String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalStateException(
          "gridcase.organisation.id-card-key (GRIDCASE_ID_CARD_KEY) is not set: id-card"
              + " numbers cannot be stored without it. Generate one with: openssl rand -base64 32");
    }
    byte[] key = Base64.getDecoder().decode(base64Key.trim());
    if (key.length != 32) {
      throw new IllegalStateException(
          "gridcase.organisation.id-card-key must be 32 bytes (base64), was " + key.length);
    }
    this.encryptionKey = new SecretKeySpec(key, "AES");
    this.hashKey = new SecretKeySpec(key, "HmacSHA256");
  }

  public String hash(String normalisedNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of()
          .formatHex(mac.doFinal(normalisedNumber.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String encrypt(String normalisedNumber) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(normalisedNumber.getBytes(StandardCharsets.US_ASCII));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String decrypt(String stored) {
    try {
      byte[] in = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, 12));
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt an id-card number: wrong key?", e);
    }
  }
}
