using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Scorecard.Bench.Support;

/// <summary>What the benchmarks read of the processes they start: a free loopback port to give them, their
/// memory.</summary>
internal static class LocalProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The proportional resident memory now, in MiB, by kind (<c>/proc/PID/smaps_rollup</c>): anonymous (the managed
    /// heap, native allocations, stacks), file-backed (mapped files: the database under SQLite's mmap, the runtime's
    /// libraries) and shared memory (SQLite's WAL index). Each pooled connection maps the database on its own, and RSS
    /// counts a page once per mapping; the proportional size counts it once.
    /// </summary>
    public static (double Anonymous, double File, double Shared) Resident(int pid)
    {
        var rollup = File.ReadAllLines($"/proc/{pid}/smaps_rollup");
        double Read(string key) =>
            double.Parse(
                rollup.First(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture
            ) / 1024;
        return (Read("Pss_Anon"), Read("Pss_File"), Read("Pss_Shmem"));
    }

    /// <summary>Peak and current resident memory of a process, in MiB (Linux /proc).</summary>
    public static (double PeakMiB, double CurrentMiB) Memory(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (
            StatusMiB(status, "VmHWM") ?? throw new InvalidOperationException("/proc gives no VmHWM."),
            StatusMiB(status, "VmRSS") ?? throw new InvalidOperationException("/proc gives no VmRSS.")
        );
    }

    /// <summary>The process's own resident memory now (<c>RssAnon</c>: heaps, stacks), in MiB; 0 where /proc does not
    /// say.</summary>
    public static double AnonymousMiB(int pid) => StatusMiB(File.ReadAllLines($"/proc/{pid}/status"), "RssAnon") ?? 0;

    /// <summary>Sets the kernel's high-water mark of the process back to its current RSS (Linux 4.0+, the process's
    /// owner: <c>/proc/PID/clear_refs</c>), so that the next <see cref="Memory"/> reads the peak of what ran since;
    /// false where that is not allowed.</summary>
    public static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double? StatusMiB(IEnumerable<string> status, string key) =>
        status
            .Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l =>
                (double?)double.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024
            )
            .FirstOrDefault();
}
