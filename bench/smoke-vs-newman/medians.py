"""Print the median wall and CPU (user + system) time of each command over interleaved rounds exported by hyperfine."""
import json
import statistics
import sys

wall, cpu = {}, {}
for path in sys.argv[1:]:
    for result in json.load(open(path))["results"]:
        wall.setdefault(result["command"], []).extend(result["times"])
        cpu.setdefault(result["command"], []).append(result["user"] + result["system"])
newman_wall = statistics.median(wall["newman"]) if "newman" in wall else None
newman_cpu = statistics.median(cpu["newman"]) if "newman" in cpu else None
print("%-32s %8s %7s %8s %7s %7s %7s" % ("variant", "wall s", "÷newman", "CPU s", "÷newman", "min s", "max s"))
for command, samples in wall.items():
    median = statistics.median(samples)
    cpu_median = statistics.median(cpu[command])
    print("%-32s %8.3f %6.2fx %8.3f %6.2fx %7.3f %7.3f" % (command, median, median / newman_wall, cpu_median,
                                                          cpu_median / newman_cpu, min(samples), max(samples)))
print("(%d rounds, every variant once per round, in the same order; median wall time and median CPU time)"
      % len(sys.argv[1:]))
