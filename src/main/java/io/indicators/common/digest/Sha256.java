package io.indicators.common.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the catalogue uses: it identifies a document's text, a release body and a snapshot.
 * Every Java runtime has it, so its absence is not a case callers handle. (Entity tags need no digest: EntityTags.)
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest, for content written to it as a stream. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256", e);
        }
    }

    public static byte[] of(byte[] content) {
        return digest().digest(content);
    }

    /** The 64 lower-case hex digits, as sha256sum writes them. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }

    /** Of a text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
