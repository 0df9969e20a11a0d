package org.runbookunit.http;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.CircularRedirectException;
import org.apache.http.client.RedirectException;
import org.runbookunit.config.ByteSizes;
import org.runbookunit.config.ConfigKeys;

/** Say in words why a call got no usable response, and what fixes it. */
final class TransportFailures {

    /** Servers commonly refuse request headers larger than this. */
    private static final int COMMON_HEADER_LIMIT = 8 * 1024;

    private TransportFailures() {
    }

    /**
     * Explain a failed call.
     *
     * @param failure what the call got and what went wrong
     * @param environment the environment's name, for the fix of a TLS failure
     * @param requestHeaderBytes the size of the headers sent
     */
    static String explain(CallFailure failure, String environment, int requestHeaderBytes) {
        Throwable cause = failure.cause();
        if (Causes.find(cause, CappedBody.TooLarge.class).isPresent()) {
            return overCap(failure, Causes.find(cause, CappedBody.TooLarge.class).get());
        }
        if (failure.expired() || Causes.find(cause, SocketTimeoutException.class).isPresent()) {
            return pastDeadline(failure);
        }
        if (Causes.find(cause, CircularRedirectException.class).isPresent()) {
            String target = pathOf(Causes.root(cause).getMessage().replaceAll("^[^']*'|'[^']*$", ""));
            return "circular redirect after " + failure.hops().size() + " hops: " + String.join(" → ", failure.hops())
                    + " → " + target + " again; fix the redirects (Location headers) on the server";
        }
        if (Causes.find(cause, RedirectException.class).isPresent()) {
            return "too many redirects (" + failure.hops().size() + " hops, last " + last(failure) + "): "
                    + Causes.root(cause).getMessage() + "; fix the redirects (Location headers) on the server";
        }
        if (Causes.find(cause, ConnectException.class).isPresent() && Causes.mention(cause, "refused")) {
            return "connection refused (" + Causes.root(cause).getMessage() + "): nothing listens on that port — is the "
                    + "service up, and does the endpoint point at the right host and port?";
        }
        if (Causes.find(cause, UnknownHostException.class).isPresent()) {
            return "unknown host [" + Causes.root(cause).getMessage() + "]: the name does not resolve — check the endpoint";
        }
        if (Causes.find(cause, SSLException.class).isPresent()) {
            return tls(cause, environment);
        }
        if (Causes.find(cause, NoHttpResponseException.class).isPresent()) {
            return "the server closed the connection without answering" + (requestHeaderBytes > COMMON_HEADER_LIMIT
                    ? "; the request's headers are " + ByteSizes.format(requestHeaderBytes) + " and servers commonly refuse"
                            + " more than 8KB: send smaller headers"
                    : "");
        }
        if (Causes.mention(cause, "Maximum line length limit exceeded") || Causes.mention(cause, "Maximum header count")) {
            return "the response headers are too large (a line over " + ByteSizes.format(RestAssuredSender.MAX_HEADER_LINE)
                    + " or more than " + RestAssuredSender.MAX_HEADER_COUNT + " lines): " + Causes.root(cause).getMessage();
        }
        return FailureMessage.describe(Causes.root(cause) == cause ? cause : Causes.root(cause));
    }

    private static String overCap(CallFailure failure, CappedBody.TooLarge tooLarge) {
        String size = tooLarge.declared() ? "is " + tooLarge.atLeast() + " bytes (Content-Length)"
                : "goes on past " + failure.maxBodyBytes() + " bytes";
        return "the response body " + size + ", over " + ConfigKeys.HTTP_MAX_BODY + " [" + ByteSizes.format(failure.maxBodyBytes())
                + "]; reading stopped there. Raise " + ConfigKeys.HTTP_MAX_BODY + " (e.g. -D" + ConfigKeys.HTTP_MAX_BODY + "="
                + ByteSizes.format(failure.maxBodyBytes() * 4) + ") or call withMaxBody(...) if such a body is expected,"
                + " or ask the server for less";
    }

    private static String pastDeadline(CallFailure failure) {
        if (failure.hops().isEmpty() && inTlsHandshake(failure.cause())) {
            return "the server accepted the connection but did not answer TLS within the deadline of "
                    + failure.timeout().toMillis() + " ms (" + ConfigKeys.HTTP_TIMEOUT + "): is it a plain HTTP port? "
                    + "write the endpoint with http:// instead of https://";
        }
        String phase = failure.statusLine().isPresent()
                ? "the body was still arriving (" + failure.bodyBytes() + " bytes so far)"
                : failure.hops().isEmpty() ? "still connecting" : "the response headers were still arriving";
        return "the deadline of " + failure.timeout().toMillis() + " ms (" + ConfigKeys.HTTP_TIMEOUT + ") passed while "
                + phase + "; the deadline bounds the whole call — raise " + ConfigKeys.HTTP_TIMEOUT
                + " or call withTimeout(...) if the service is expected to be that slow";
    }

    private static String tls(Throwable cause, String environment) {
        String fix = " — set `ignore-https-errors: true` for environment [" + environment + "] or call `withRelaxedTls()`";
        if (Causes.mention(cause, "certification path") || Causes.mention(cause, "PKIX")
                || Causes.mention(cause, "certificate_unknown") || Causes.mention(cause, "self signed")) {
            return "certificate not trusted (" + Causes.root(cause).getMessage() + ")" + fix;
        }
        if (Causes.find(cause, SSLPeerUnverifiedException.class).isPresent() || Causes.mention(cause, "match")) {
            return "certificate does not match the host (" + Causes.root(cause).getMessage() + ")" + fix;
        }
        if (Causes.mention(cause, "Unsupported or unrecognized SSL message") || Causes.mention(cause, "plaintext")
                || Causes.mention(cause, "terminated the handshake")) {
            return "the server did not answer TLS (" + Causes.root(cause).getMessage() + "): is it a plain HTTP port? "
                    + "write the endpoint with http:// instead of https://";
        }
        return "TLS failed (" + FailureMessage.describe(Causes.root(cause)) + ")" + fix;
    }

    /** Tell whether the failure happened inside the JDK's TLS handshake, i.e. after the TCP connection was made. */
    private static boolean inTlsHandshake(Throwable cause) {
        for (Throwable error = cause; error != null; error = error.getCause() == error ? null : error.getCause()) {
            for (StackTraceElement frame : error.getStackTrace()) {
                if (frame.getClassName().startsWith("sun.security.ssl.") || frame.getMethodName().equals("startHandshake")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String pathOf(String uri) {
        try {
            java.net.URI parsed = java.net.URI.create(uri);
            return parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        } catch (IllegalArgumentException notAUri) {
            return uri;
        }
    }

    private static String last(CallFailure failure) {
        return failure.hops().isEmpty() ? "none" : failure.hops().get(failure.hops().size() - 1);
    }
}
