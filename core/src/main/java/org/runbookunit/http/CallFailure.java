package org.runbookunit.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carry a call that got no usable response out of the sender: the transport error and what the call had got so far
 * (the hops it followed, a response head, the start of a body).
 *
 * @param cause what HttpClient (or REST Assured) threw
 * @param elapsed the time since the client began the call, start-up excluded; zero when it never began
 * @param timeout the call's deadline
 * @param expired whether the deadline passed (and aborted the call)
 * @param maxBodyBytes the body cap
 * @param hops the path of every request sent, in order
 * @param statusLine the status line of the last response head, if one arrived
 * @param headers that response's headers
 * @param bodyBytes how many body bytes of that response arrived
 * @param bodyStart the first bytes of a body over the cap, kept for the evidence
 */
record CallFailure(Throwable cause, Duration elapsed, Duration timeout, boolean expired, long maxBodyBytes,
        List<String> hops, Optional<String> statusLine, List<Map.Entry<String, String>> headers, long bodyBytes,
        byte[] bodyStart) {

    static CallFailure of(Throwable cause, CallRecorder call) {
        byte[] start = Causes.find(cause, CappedBody.TooLarge.class).map(CappedBody.TooLarge::start).orElse(new byte[0]);
        return new CallFailure(cause, call.deadline().elapsed(), call.deadline().timeout(), call.deadline().expired(),
                call.maxBody(), call.hops(), Optional.ofNullable(call.statusLine()), call.headers(), call.bodyBytes(), start);
    }

    /** Return the status code of the response head that arrived, or -1. */
    int status() {
        return statusLine.map(line -> line.split(" ")).filter(parts -> parts.length > 1).map(parts -> {
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException notAStatus) {
                return -1;
            }
        }).orElse(-1);
    }

    /** Thrown out of the sender, so the facade can write the failure and save its evidence. */
    static final class Thrown extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient CallFailure failure;

        Thrown(CallFailure failure) {
            super(failure.cause());
            this.failure = failure;
        }

        CallFailure failure() {
            return failure;
        }
    }
}
