using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Scorecard.Bench.Support;

/// <summary>The API as a real process on its own SQLite file and port (Production profile; see <see cref="ApiDll"/> for
/// which build).</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    public const string Key = "bench-admin-key-0123456789";

    private readonly Process process;

    private ApiProcess(Process process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    /// <summary>
    /// The API built next to the running code when there is one (the tests reference both projects, so
    /// the build of the API they run against sits beside them), else the Release build the benchmark verbs run.
    /// </summary>
    public static string ApiDll { get; } =
        File.Exists(Path.Combine(AppContext.BaseDirectory, "Scorecard.Api.dll"))
            ? Path.Combine(AppContext.BaseDirectory, "Scorecard.Api.dll")
            : Path.Combine(Paths.Root, "Api", "bin", "Release", "net10.0", "Scorecard.Api.dll");

    /// <summary>The configuration <see cref="ApiDll"/> was built in (Release, Debug), from its folder
    /// <c>bin/{configuration}/{framework}</c>.</summary>
    public static string Configuration => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(ApiDll)))!;

    /// <summary>Runs a verb of the service (e.g. seed-demo) against the database and waits for it.</summary>
    public static async Task RunVerbAsync(string databasePath, params string[] args)
    {
        using var verb = Process.Start(StartInfo(databasePath, 0, args))!;
        await verb.WaitForExitAsync().ConfigureAwait(false);
        if (verb.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{string.Join(' ', args)}' exited with {ExitDescription(verb.ExitCode)}: "
                    + $"{await verb.StandardError.ReadToEndAsync().ConfigureAwait(false)}"
            );
        }
    }

    /// <summary>
    /// Starts the API and waits until it is ready. The port is free when chosen but may be taken
    /// before the API binds it (other processes on the machine): then it starts again on another.
    /// </summary>
    /// <param name="settings">Configuration the API gets beyond the benchmarks' own, as environment variables.</param>
    public static async Task<ApiProcess> StartAsync(
        string databasePath,
        IReadOnlyDictionary<string, string>? settings = null
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = LocalProcess.FreePort();
            var api = new ApiProcess(Process.Start(StartInfo(databasePath, port, [], settings))!, port);
            if (await api.WaitReadyAsync().ConfigureAwait(false) is not { } failure)
            {
                return api;
            }

            await api.DisposeAsync().ConfigureAwait(false);
            if (attempt == 3 || !failure.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(failure[..Math.Min(failure.Length, 3000)]);
            }
        }
    }

    /// <returns>Null once /health/ready answers 200; otherwise why not, with the output of the API if it
    /// exited.</returns>
    private async Task<string?> WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                var output =
                    await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false)
                    + (
                        process.StartInfo.RedirectStandardError
                            ? await process.StandardError.ReadToEndAsync().ConfigureAwait(false)
                            : ""
                    );
                return $"The API exited with {ExitDescription(process.ExitCode)} before it was ready: {output}";
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative))
                    .ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return null;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return "The API did not become ready in 30 s.";
    }

    /// <summary>Peak and current resident memory of the process, in MiB (Linux /proc).</summary>
    public (double PeakMiB, double CurrentMiB) Memory() => LocalProcess.Memory(process.Id);

    /// <summary>The processor time the process has used so far, on every core (user and kernel).</summary>
    public TimeSpan ProcessorTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Ends the process the way a crash or the out-of-memory killer does: <see cref="Process.Kill()"/>
    /// sends SIGKILL on Linux, so nothing runs on the way out (no shutdown, no drain of queued
    /// batches, no final checkpoint).
    /// </summary>
    /// <returns>The exit code: 137 (128 + signal 9) when SIGKILL ended it.</returns>
    public async Task<int> KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(
        string databasePath,
        int port,
        string[] args,
        IReadOnlyDictionary<string, string>? settings = null
    )
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // BENCH_API_STDOUT=1 / BENCH_API_STDERR=1 show the API's own output on the console.
            RedirectStandardOutput = Environment.GetEnvironmentVariable("BENCH_API_STDOUT") != "1",
            RedirectStandardError = Environment.GetEnvironmentVariable("BENCH_API_STDERR") != "1",
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Scorecard"] = $"Data Source={databasePath}";
        info.Environment["Auth__BootstrapAdminKey"] = Key;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["RateLimit__RequestsPerSecond"] = "0"; // the benchmarks measure the routes, not the limiter
        // As README "Memory" asks of a deployment on Linux, unless the caller set it (0 restores glibc's default).
        info.Environment["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>An exit code, naming the signal when one ended the process (128 + signal on Linux).</summary>
    public static string ExitDescription(int exitCode) =>
        exitCode > 128
            ? $"{exitCode} (ended by signal {exitCode - 128})"
            : exitCode.ToString(CultureInfo.InvariantCulture);
}
