package org.runbookunit.examples.airdemand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Let a request through only when it carries {@code Authorization: Bearer <token>} with the admin token.
 *
 * <p>Only the token's SHA-256 digest is kept, and digests are compared in constant time; no answer or
 * message ever contains a token.
 */
final class BearerTokenGuard {

    private static final String SCHEME = "Bearer";

    private final byte[] expectedDigest;

    private BearerTokenGuard(String token) {
        this.expectedDigest = sha256(token);
    }

    /** Return a guard for {@code token}, or nothing when {@code token} is {@code null} (admin API disabled). */
    static Optional<BearerTokenGuard> forToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank; pass null to disable the admin API");
        }
        if (!token.chars().allMatch(character -> character > ' ' && character < 0x7f)) {
            throw new IllegalArgumentException(
                    "adminToken must contain only visible ASCII characters (no spaces or control characters)");
        }
        return Optional.of(new BearerTokenGuard(token));
    }

    /** Wrap {@code endpoint} so that it only answers requests carrying the admin token. */
    Endpoint protect(Endpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return request -> rejection(request).orElseGet(() -> endpoint.respond(request));
    }

    private Optional<JsonResponse> rejection(Request request) {
        Optional<String> credentials = request.authorization().flatMap(BearerTokenGuard::bearerCredentials);
        if (credentials.isEmpty()) {
            return Optional.of(notAuthenticated());
        }
        if (!MessageDigest.isEqual(expectedDigest, sha256(credentials.get()))) {
            return Optional.of(JsonResponse.detail(403, "Invalid token"));
        }
        return Optional.empty();
    }

    private static Optional<String> bearerCredentials(String header) {
        int space = header.indexOf(' ');
        if (space < 0 || !SCHEME.equalsIgnoreCase(header.substring(0, space))) {
            return Optional.empty();
        }
        String credentials = header.substring(space + 1).strip();
        return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
    }

    private static JsonResponse notAuthenticated() {
        JsonResponse detail = JsonResponse.detail(401, "Not authenticated");
        return new JsonResponse(401, detail.body(), Map.of("WWW-Authenticate", SCHEME));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime provides SHA-256", impossible);
        }
    }
}
