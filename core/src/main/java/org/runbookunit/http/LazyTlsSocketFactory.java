package org.runbookunit.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.http.conn.scheme.SchemeLayeredSocketFactory;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.params.HttpParams;

/**
 * Open {@code https} connections with HttpClient's default TLS socket factory, created on the first {@code https}
 * connection instead of with every client: creating it initialises the JDK's default {@code SSLContext} (about 300 ms
 * the first time in a JVM, 135 ms of CPU), which a run that only calls {@code http://} endpoints never needs.
 */
@SuppressWarnings("deprecation") // the HttpClient 4 scheme API REST Assured 6 drives
final class LazyTlsSocketFactory implements SchemeLayeredSocketFactory {

    private volatile SSLSocketFactory delegate;

    private SSLSocketFactory delegate() {
        SSLSocketFactory created = delegate;
        if (created == null) {
            created = SSLSocketFactory.getSocketFactory();
            delegate = created;
        }
        return created;
    }

    @Override
    public Socket createSocket(HttpParams params) throws IOException {
        return delegate().createSocket(params);
    }

    @Override
    public Socket connectSocket(Socket socket, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
            HttpParams params) throws IOException {
        return delegate().connectSocket(socket, remoteAddress, localAddress, params);
    }

    @Override
    public boolean isSecure(Socket socket) {
        return delegate().isSecure(socket);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpParams params) throws IOException {
        return delegate().createLayeredSocket(socket, target, port, params);
    }
}
