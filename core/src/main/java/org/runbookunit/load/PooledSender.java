package org.runbookunit.load;

import java.io.IOException;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Send a plan's GET requests over a pool of kept-alive HTTP/1.1 connections, one per virtual user, each request on
 * the calling user's own thread (blocking I/O, no hand-off to another thread). Connecting and every read are bounded
 * by the plan's request timeout; no retries, redirects, cookies or decompression.
 */
final class PooledSender implements AutoCloseable {

    private final Plan plan;
    private final CloseableHttpClient client;

    PooledSender(Plan plan) {
        this.plan = plan;
        Timeout timeout = Timeout.of(plan.requestTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(plan.virtualUsers()).setMaxConnPerRoute(plan.virtualUsers())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout).setRedirectsEnabled(false).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().build();
    }

    /** Send one request, read its body to the end and return its status. */
    int send() throws IOException {
        HttpGet request = new HttpGet(plan.uri());
        for (Map.Entry<String, String> header : plan.headers().entrySet()) {
            request.addHeader(header.getKey(), header.getValue());
        }
        return client.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    /** Close every connection at once, ending requests still in flight when the probe's time is up. */
    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
