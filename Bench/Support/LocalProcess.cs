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
}
