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
        double Read(string key) =>
            double.Parse(
                status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture
            ) / 1024;
        return (Read("VmHWM"), Read("VmRSS"));
    }

    /// <summary>Sets the process's peak resident memory back to what it holds now (<c>/proc/PID/clear_refs</c>), so
    /// that the next <see cref="Memory"/> reads the peak of what ran since.</summary>
    /// <returns>The resident memory now, in MiB.</returns>
    public static double ResetPeak(int pid)
    {
        File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        return Memory(pid).CurrentMiB;
    }
}
