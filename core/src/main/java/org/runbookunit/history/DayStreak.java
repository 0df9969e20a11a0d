package org.runbookunit.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.runbookunit.ledger.LedgerEntry;

/**
 * Count the consecutive calendar days, back from today (or from yesterday while today has no run yet), on which a run
 * passed and none failed.
 */
final class DayStreak {

    /** What the runs of one day say. */
    enum Day { PASSED, FAILED, NONE }

    private final TreeMap<LocalDate, Day> days;
    private final LocalDate end;
    private final int length;

    private DayStreak(TreeMap<LocalDate, Day> days, LocalDate end, int length) {
        this.days = days;
        this.end = end;
        this.length = length;
    }

    static DayStreak of(List<LedgerEntry> runs, ZoneId zone, LocalDate today, Predicate<LedgerEntry> passed,
            Predicate<LedgerEntry> failed) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (LedgerEntry run : runs) {
            LocalDate day = run.startedAt().atZone(zone).toLocalDate();
            Day was = days.getOrDefault(day, Day.NONE);
            if (failed.test(run)) {
                days.put(day, Day.FAILED);
            } else if (passed.test(run) && was != Day.FAILED) {
                days.put(day, Day.PASSED);
            } else {
                days.putIfAbsent(day, Day.NONE);
            }
        }
        LocalDate end = days.containsKey(today) ? today : today.minusDays(1);
        int length = 0;
        while (days.getOrDefault(end.minusDays(length), Day.NONE) == Day.PASSED) {
            length++;
        }
        return new DayStreak(days, end, length);
    }

    int length() {
        return length;
    }

    LocalDate end() {
        return end;
    }

    /** Describe the day that ended the streak: the first day before it that did not pass. */
    String breaker() {
        LocalDate day = end.minusDays(length);
        Day what = days.getOrDefault(day, Day.NONE);
        return day + (what == Day.FAILED ? " had a failed run" : days.containsKey(day) ? " had no passing run"
                : " had no run");
    }

    /** Return the last {@code count} days up to the streak's end with what their runs said, oldest first. */
    Map<String, String> lastDays(int count) {
        Map<String, String> last = new LinkedHashMap<>();
        for (int back = count - 1; back >= 0; back--) {
            LocalDate day = end.minusDays(back);
            last.put(day.toString(), days.getOrDefault(day, Day.NONE).name());
        }
        return last;
    }

    /** Render {@code "2026-11-24 ✔, 2026-11-25 ✘, 2026-11-26 —"}. */
    String render(int count) {
        List<String> parts = new ArrayList<>();
        lastDays(count).forEach((day, what) -> parts.add(day + " " + switch (Day.valueOf(what)) {
            case PASSED -> "✔";
            case FAILED -> "✘";
            case NONE -> "—";
        }));
        return String.join(", ", parts);
    }
}
