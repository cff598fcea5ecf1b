using System.ComponentModel;
using System.Diagnostics;

namespace Scorecard.Api.Tests.Support;

/// <summary>
/// Tools from npm that tests run: installed once into a folder under the system temp dir named by what it holds
/// (installed beside it and moved in whole, so a run cut short never leaves half an install behind), and run with a
/// time limit. Without npm or node, or without a registry to install from, the calling test is skipped with the reason.
/// </summary>
internal static class NpmTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The folder <paramref name="folder"/> under the temp dir with <paramref name="packages"/> installed, installing
    /// them first (then <paramref name="prepare"/> in the new folder) when the file <paramref name="marker"/>, a path
    /// inside it, is missing.
    /// </summary>
    /// <param name="skipped">What the test does not do when it is skipped ("openapi.yaml was not linted").</param>
    public static async Task<string> InstalledAsync(
        string folder,
        IReadOnlyList<string> packages,
        string marker,
        string skipped,
        Func<string, Task>? prepare = null
    )
    {
        var cache = Path.Combine(Path.GetTempPath(), folder);
        if (File.Exists(Path.Combine(cache, marker)))
        {
            return cache;
        }

        var staging = cache + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        (int Exit, string Output, string Errors) install;
        try
        {
            install = await RunAsync(
                "npm",
                ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", .. packages],
                staging,
                InstallTimeout,
                skipped
            );
        }
        catch (AssertionException)
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }

        if (install.Exit != 0)
        {
            Directory.Delete(staging, recursive: true);
            Assert.Ignore(
                $"{string.Join(' ', packages)} could not be installed; {skipped}:\n{install.Output}{install.Errors}"
            );
        }

        if (prepare is not null)
        {
            await prepare(staging);
        }

        try
        {
            Directory.Move(staging, cache);
        }
        catch (IOException) when (File.Exists(Path.Combine(cache, marker)))
        {
            // Another test run installed it meanwhile.
            Directory.Delete(staging, recursive: true);
        }

        return cache;
    }

    /// <summary>Runs <paramref name="file"/> and answers its exit code and its output (standard output, then
    /// errors); the test is skipped when the program is not on PATH and fails when it outruns
    /// <paramref name="timeout"/>.</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string directory,
        TimeSpan timeout,
        string skipped,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Ignore($"{file} is not on PATH ({e.Message}); {skipped}.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
