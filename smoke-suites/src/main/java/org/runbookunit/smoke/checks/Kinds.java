package org.runbookunit.smoke.checks;

import org.runbookunit.smoke.spi.CheckKind;

/** The check kinds that ship with the smoke jar, each registered in {@code META-INF/services}. */
public final class Kinds {

    private Kinds() {
    }

    /** {@code http:} — an endpoint's answer, through Http. */
    public static final class HttpKind implements CheckKind<HttpCheck> {
        @Override
        public String name() {
            return "http";
        }

        @Override
        public Class<HttpCheck> spec() {
            return HttpCheck.class;
        }
    }

    /** {@code database:} — the environment's database, through Database. */
    public static final class DatabaseKind implements CheckKind<DatabaseCheck> {
        @Override
        public String name() {
            return "database";
        }

        @Override
        public Class<DatabaseCheck> spec() {
            return DatabaseCheck.class;
        }
    }

    /** {@code tls:} — an https endpoint's certificate, through Tls. */
    public static final class TlsKind implements CheckKind<TlsCheck> {
        @Override
        public String name() {
            return "tls";
        }

        @Override
        public Class<TlsCheck> spec() {
            return TlsCheck.class;
        }
    }

    /** {@code page:} — a page in a browser, through Dashboard. */
    public static final class PageKind implements CheckKind<PageCheck> {
        @Override
        public String name() {
            return "page";
        }

        @Override
        public Class<PageCheck> spec() {
            return PageCheck.class;
        }
    }

    /** {@code eventually:} — another check repeated until it passes, through Windows. */
    public static final class EventuallyKind implements CheckKind<WindowCheck.Eventually> {
        @Override
        public String name() {
            return "eventually";
        }

        @Override
        public Class<WindowCheck.Eventually> spec() {
            return WindowCheck.Eventually.class;
        }
    }

    /** {@code sustained:} — another check that must keep passing, through Windows. */
    public static final class SustainedKind implements CheckKind<WindowCheck.Sustained> {
        @Override
        public String name() {
            return "sustained";
        }

        @Override
        public Class<WindowCheck.Sustained> spec() {
            return WindowCheck.Sustained.class;
        }
    }
}
