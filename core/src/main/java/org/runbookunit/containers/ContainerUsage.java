package org.runbookunit.containers;

/**
 * Hold one container's CPU and memory use against its limits, from one {@code docker stats} sample.
 *
 * @param name the container's name
 * @param cpuFraction CPU used over the last second as a fraction of its CPU limit (of the host's CPUs without one)
 * @param cpuLimit the CPUs it may use, e.g. 0.5
 * @param memoryBytes memory used, page cache not counted (as {@code docker stats} shows it)
 * @param memoryLimitBytes its memory limit (the host's memory without one)
 */
public record ContainerUsage(String name, double cpuFraction, double cpuLimit, long memoryBytes, long memoryLimitBytes) {

    /** Return memory used as a fraction of the limit. */
    public double memoryFraction() {
        return memoryLimitBytes <= 0 ? 0 : (double) memoryBytes / memoryLimitBytes;
    }
}
