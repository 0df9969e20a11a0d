package org.runbookunit.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.runbookunit.config.HostSettings;

/**
 * Copy one file off a host over SFTP on the session Shell already holds, with a deadline: a transfer still running at
 * the deadline has its SFTP channel closed (which ends the blocked read) and fails, leaving no partial file behind.
 */
final class SftpDownload {

    private final ClientSession session;
    private final HostSettings host;

    SftpDownload(ClientSession session, HostSettings host) {
        this.session = session;
        this.host = host;
    }

    void copy(String remotePath, Path localFile, Duration timeout) {
        AtomicReference<SftpClient> client = new AtomicReference<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "runbookunit-sftp-" + host.name());
            thread.setDaemon(true);
            return thread;
        });
        Future<?> transfer = worker.submit(() -> {
            client.set(SftpClientFactory.instance().createSftpClient(session));
            try (InputStream in = client.get().read(remotePath); OutputStream out = Files.newOutputStream(localFile)) {
                in.transferTo(out);
            }
            return null;
        });
        try {
            transfer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            transfer.cancel(true);
            throw failure("did not finish within [" + timeout.toMillis() + " ms]; the transfer was stopped", localFile, late);
        } catch (ExecutionException failed) {
            throw failure("failed: " + failed.getCause().getMessage(), localFile, failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted", localFile, interrupted);
        } finally {
            closeQuietly(client.get());
            worker.shutdownNow();
        }
    }

    private ShellException failure(String what, Path localFile, Throwable cause) {
        try {
            Files.deleteIfExists(localFile);
        } catch (IOException ignored) {
            // the message says the copy failed either way
        }
        return new ShellException("downloading from host [" + host.name() + "] " + host.address() + " over SFTP " + what,
                cause);
    }

    private static void closeQuietly(SftpClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the session stays usable; the channel is gone
            }
        }
    }
}
