using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Scorecard.Bench.Support;

/// <summary>
/// The peer implementation for benchmarks (BenchPeer: EF Core + [EnableQuery] serving /odata/Dossiers)
/// as a real process on its own port, reading the given SQLite file (Release build, Production profile).
/// </summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process process;

    private PeerProcess(Process process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    public static string PeerDll =>
        Path.Combine(Paths.Root, "BenchPeer", "bin", "Release", "net10.0", "Scorecard.BenchPeer.dll");

    /// <summary>Starts the peer on a free loopback port and waits until <c>/odata/$metadata</c> answers.</summary>
    /// <param name="pageSize">Rows per page before an <c>@odata.nextLink</c>; null keeps the peer's default
    /// (1000).</param>
    public static async Task<PeerProcess> StartAsync(string databasePath, int? pageSize = null)
    {
        if (!File.Exists(PeerDll))
        {
            throw new InvalidOperationException($"{PeerDll} is missing: run 'dotnet build -c Release' first.");
        }

        var port = LocalProcess.FreePort();
        var peer = new PeerProcess(Process.Start(StartInfo(databasePath, port, pageSize))!, port);
        using var http = new HttpClient { BaseAddress = peer.BaseAddress };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (peer.process.HasExited)
            {
                break;
            }

            try
            {
                if (
                    (
                        await http.GetAsync(new Uri("/odata/$metadata", UriKind.Relative)).ConfigureAwait(false)
                    ).StatusCode == HttpStatusCode.OK
                )
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        await peer.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException("The peer did not answer /odata/$metadata in 30 s.");
    }

    /// <summary>Peak and current resident memory of the process, in MiB (Linux /proc).</summary>
    public (double PeakMiB, double CurrentMiB) Memory() => LocalProcess.Memory(process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string databasePath, int port, int? pageSize)
    {
        // Output is not read: it goes to this console (Warning and above only) rather than filling a pipe.
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        info.ArgumentList.Add(PeerDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Scorecard"] = $"Data Source={databasePath}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (pageSize is { } size)
        {
            info.Environment["Peer__PageSize"] = size.ToString(CultureInfo.InvariantCulture);
        }

        return info;
    }
}
