package io.indicators;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for tests, signed with a key pair made when the test JVM starts, so no key lives in the repo.
 * The public half reaches the service (JVM or native) through {@link EmbeddedPostgresResource}'s configuration.
 */
public final class PublisherTokens {

    public static final String ISSUER = "indicator-api";
    private static final KeyPair KEYS = generate();

    private PublisherTokens() {
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static String publisher() {
        return token("test-publisher", Set.of("publisher"));
    }

    public static String reader() {
        return token("test-reader", Set.of("reader"));
    }

    /** A publisher's token whose iat is an hour from now: a broken clock or a forgery. */
    public static String issuedInAnHour() {
        return Jwt.issuer(ISSUER).upn("test-publisher").groups(Set.of("publisher"))
                .issuedAt(java.time.Instant.now().plusSeconds(3600)).expiresIn(7200).sign(KEYS.getPrivate());
    }

    public static String signedByAnotherKey() {
        return Jwt.issuer(ISSUER).upn("intruder").groups(Set.of("publisher")).sign(generate().getPrivate());
    }

    private static String token(String subject, Set<String> groups) {
        return Jwt.issuer(ISSUER).upn(subject).groups(groups).sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
