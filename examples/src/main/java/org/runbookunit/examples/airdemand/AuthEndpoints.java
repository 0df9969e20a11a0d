package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer {@code POST /auth/login} and {@code POST /auth/logout} for the sample dashboard's one user,
 * {@value #USER}. Only the password's SHA-256 digest is kept; no answer contains it.
 */
final class AuthEndpoints {

    /** The sample dashboard's user name. */
    static final String USER = "operator";

    private final byte[] passwordDigest;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    AuthEndpoints(String password) {
        this.passwordDigest = sha256(password);
    }

    /** Open a session for the right user name and password, else answer 401. */
    JsonResponse login(Request request) {
        ObjectNode body;
        try {
            body = JsonBody.readObject(request.body());
        } catch (InvalidRequestBodyException invalid) {
            return invalid.toResponse();
        }
        boolean valid = USER.equals(body.path("username").asText())
                & MessageDigest.isEqual(passwordDigest, sha256(body.path("password").asText()));
        if (!valid) {
            return JsonResponse.detail(401, "Invalid username or password");
        }
        String token = UUID.randomUUID().toString();
        sessions.add(token);
        return JsonResponse.of(200, JsonNodeFactory.instance.objectNode().put("user", USER).put("token", token));
    }

    /** Close the session whose bearer token the request carries, else answer 401. */
    JsonResponse logout(Request request) {
        String token = request.authorization().map(header -> header.replaceFirst("(?i)^Bearer\\s+", "")).orElse("");
        if (!sessions.remove(token)) {
            return JsonResponse.detail(401, "Not signed in");
        }
        return JsonResponse.of(200, JsonNodeFactory.instance.objectNode().put("status", "signed out"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime provides SHA-256", impossible);
        }
    }
}
