package org.runbookunit.internal.launch;

import java.util.List;
import java.util.Map;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.internal.signoff.SignoffLoader;
import org.runbookunit.internal.signoff.Signoffs;

/** Read the attestations and waivers files the settings name, and the attestations given as configuration keys. */
public final class SignoffFiles {

    private SignoffFiles() {
    }

    /** Return the run's sign-offs: none when no file is named. */
    public static Signoffs load(RunbookSettings settings) {
        SignoffLoader loader = new SignoffLoader();
        return new Signoffs(settings.attestationsFile().map(loader::attestations).orElse(Map.of()),
                settings.waiversFile().map(loader::waivers).orElse(List.of()), settings::raw, settings.attestationsMaxAge());
    }
}
