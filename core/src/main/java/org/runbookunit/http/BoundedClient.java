package org.runbookunit.http;

import java.io.IOException;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.conn.scheme.PlainSocketFactory;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.conn.BasicClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * Drive one call with the HttpClient 4 API REST Assured 6 still uses: no hidden retries (every attempt that happens is
 * one the runbook asked for, and is in the evidence), the call's deadline started as the client begins, and each
 * request and response reported to the call's recorder.
 */
@SuppressWarnings("deprecation") // REST Assured 6 drives the HttpClient 4 DefaultHttpClient API
final class BoundedClient extends DefaultHttpClient {

    private final CallDeadline deadline;
    private final boolean constructed;

    BoundedClient(CallDeadline deadline, RequestListener requests, ResponseListener responses) {
        this.deadline = deadline;
        setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
        addRequestInterceptor((request, context) -> requests.sent(request));
        addResponseInterceptor(responses::arrived);
        constructed = true;
    }

    /**
     * Keep the body reader the last response interceptor: REST Assured adds its gzip and deflate decoders afterwards,
     * and the cap must count the decoded bytes, or a small compressed body could still fill the memory.
     */
    @Override
    public synchronized void addResponseInterceptor(HttpResponseInterceptor interceptor) {
        if (constructed) {
            super.addResponseInterceptor(interceptor, getResponseInterceptorCount() - 1);
        } else {
            super.addResponseInterceptor(interceptor);
        }
    }

    /** Register {@code http} and a lazily created {@code https} factory, so a plain call does not initialise TLS. */
    @Override
    protected ClientConnectionManager createClientConnectionManager() {
        SchemeRegistry schemes = new SchemeRegistry();
        schemes.register(new Scheme("http", 80, PlainSocketFactory.getSocketFactory()));
        schemes.register(new Scheme("https", 443, new LazyTlsSocketFactory()));
        return new BasicClientConnectionManager(schemes);
    }

    @Override
    public CloseableHttpResponse execute(HttpUriRequest request, HttpContext context) throws IOException {
        deadline.start(request);
        return super.execute(request, context);
    }

    /** Hear of each request as it is sent, redirect hops included. */
    @FunctionalInterface
    interface RequestListener {
        void sent(HttpRequest request);
    }

    /** Handle each response head as it arrives, before the client returns it. */
    @FunctionalInterface
    interface ResponseListener {
        void arrived(HttpResponse response, HttpContext context) throws IOException;
    }
}
