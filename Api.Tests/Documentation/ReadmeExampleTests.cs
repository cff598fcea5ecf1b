using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scorecard.Api.Tests.Support;
using Scorecard.Bench.Support;

namespace Scorecard.Api.Tests.Documentation;

/// <summary>
/// The README's examples run as a new user runs them: the API as its own process in the Development profile on a
/// fresh database (so the demo it seeds is exactly the README's data), then every curl line of the README's bash
/// blocks through bash and curl, in order, each answer compared with the one printed under it (README "Try it").
/// </summary>
[Category("Readme")]
public sealed class ReadmeExampleTests
{
    private static readonly TimeSpan SeedingLimit = TimeSpan.FromMinutes(6);

    [Test]
    public void Parse_WhenACommandSpansLinesAndQuotes_JoinsItAndReadsTheAnswerUnderIt()
    {
        var examples = ReadmeExample.Parse(
            """
            ```bash
            curl -s -X PUT localhost:5080/api/units \
              -d '[{"code":"X1",
                    "name":"Xã # 1"}]'   # a comment
            # 400 {"title":"…","errors":{"X1":[…]},…}
            curl -s localhost:5080/health/ready
            # Sending it again answers {"accepted":0}
            ```
            """
        );

        Assert.That(examples, Has.Count.EqualTo(2));
        Assert.That(examples[0].Command, Does.EndWith("\"name\":\"Xã # 1\"}]'"));
        Assert.That(examples[0].Json, Does.StartWith("{\"title\""));
        Assert.That(examples[1].Answer, Is.Null, "prose under a command is not an answer");
    }

    [TestCase("{\"a\":1,\"b\":\"x\"}", true)]
    [TestCase("{\"a\":2,\"b\":\"x\"}", false)]
    [TestCase("{\"a\":1,\"b\":\"x\",\"c\":3}", false)]
    [TestCase("{\"a\":1,\"b\":\"x\",\"id\":\"k1\"}", false)]
    public void Mismatch_WhenTheReadmeShowsEveryMember_ComparesValuesAndMembers(string actual, bool matches)
    {
        Assert.That(Matches("{\"a\":1,\"b\":\"x\"}", actual), Is.EqualTo(matches));
    }

    [TestCase("{\"items\":[{\"n\":1},…],…}", "{\"items\":[{\"n\":1},{\"n\":2}],\"more\":true}", true)]
    [TestCase("{\"items\":[{\"n\":1},…],…}", "{\"items\":[{\"n\":2},{\"n\":1}]}", false)]
    [TestCase("{\"key\":\"sc_…\",\"id\":\"…\"}", "{\"key\":\"whatever\",\"id\":7}", true)]
    [TestCase(
        "{\"link\":\"http://h/odata?…&$skiptoken=k…\"}",
        "{\"link\":\"http://h/odata?$top=2&$skiptoken=kAB\"}",
        true
    )]
    [TestCase("{\"link\":\"http://h/odata?…&$skiptoken=k…\"}", "{\"link\":\"http://h/odata?$top=2\"}", false)]
    [TestCase("… {\"code\":\"on-time\",…}", "{\"list\":[{\"code\":\"x\"},{\"code\":\"on-time\",\"v\":1}]}", true)]
    [TestCase("… {\"code\":\"on-time\",\"v\":2}", "{\"list\":[{\"code\":\"on-time\",\"v\":1}]}", false)]
    [TestCase("{\"value\":49.9} and prose after it", "{\"value\":49.90}", true)]
    public void Mismatch_WhenTheReadmeAbbreviates_MatchesWhatTheEllipsisStandsFor(
        string readme,
        string actual,
        bool matches
    )
    {
        Assert.That(Matches(readme, actual), Is.EqualTo(matches));
    }

    [Test]
    [CancelAfter(600_000)]
    public async Task Readme_OnAFreshDemo_AnswersAsPrinted()
    {
        if (Which("bash") is null || Which("curl") is null)
        {
            Assert.Ignore("bash and curl are needed to run the README's examples as printed.");
        }

        var examples = ReadmeExample.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md")));
        Assert.That(examples.Count(e => e.Calls && e.Answer is not null), Is.GreaterThan(15));
        var directory = Directory.CreateTempSubdirectory("scorecard-readme-");
        var port = LocalProcess.FreePort();
        using var api = StartApi(directory.FullName, port);
        try
        {
            await WaitUntilSeededAsync(api, port);
            var mismatches = new List<string>();
            var prelude = new List<string>();
            foreach (var example in examples.Where(e => e.Calls || e.Assigns))
            {
                var command = example.Command.Replace("localhost:5080", $"localhost:{port}", StringComparison.Ordinal);
                if (example.Assigns)
                {
                    prelude.Add(command);
                    continue;
                }

                var output = await RunAsync(string.Join("\n", prelude.Append(command)), port);
                if (example.Answer is { } answer && Mismatch(example, answer, output) is { } mismatch)
                {
                    mismatches.Add($"README line {example.Line}: {mismatch}");
                }
            }

            Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches));
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
                await api.WaitForExitAsync();
            }

            directory.Delete(recursive: true);
        }
    }

    private static bool Matches(string readme, string actual)
    {
        using var json = JsonDocument.Parse(actual);
        return ReadmeAnswer.Parse(readme).Mismatch(json.RootElement, "$") is null;
    }

    private static string? Mismatch(ReadmeExample example, string answer, string output)
    {
        if (answer.StartsWith("e.g.", StringComparison.Ordinal))
        {
            return null;
        }

        if (example.AnswerIsJson)
        {
            try
            {
                using var json = JsonDocument.Parse(output);
                return ReadmeAnswer.Parse(example.Json).Mismatch(json.RootElement, "$");
            }
            catch (JsonException)
            {
                return $"the answer is not JSON: {output[..Math.Min(output.Length, 300)]}";
            }
        }

        // A text answer (a number, headers): each printed line matches a line of the output, '…' matching anything.
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var expected = answer.Split('\n').Select(l => l.Trim()).ToList();
        var missing = expected.Where(e => !lines.Any(l => TextMatches(e, l))).ToList();
        return missing.Count == 0 && lines.Count == expected.Count
            ? null
            : $"README says '{string.Join(" | ", expected)}', the output is '{string.Join(" | ", lines)}'";
    }

    private static bool TextMatches(string pattern, string line) =>
        Regex.IsMatch(
            line,
            "^" + string.Join(".*", pattern.Split(ReadmeAnswer.Ellipsis).Select(Regex.Escape)) + "$",
            RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1)
        );

    private static Process StartApi(string directory, int port)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The API's folder is the content root, as with `dotnet run --project Api`: its appsettings apply.
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scorecard.Api.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://localhost:{port}";
        info.Environment["ConnectionStrings__Scorecard"] = $"Data Source={Path.Combine(directory, "scorecard.db")}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilSeededAsync(Process api, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < SeedingLimit)
        {
            Assert.That(api.HasExited, Is.False, "the API exited before the demo was seeded");
            try
            {
                using var response = await http.GetAsync(new Uri($"http://localhost:{port}/health/ready"));
                if (
                    response.StatusCode == HttpStatusCode.OK
                    && (await response.Content.ReadAsStringAsync()).StartsWith(
                        "{\"status\":\"Healthy\"",
                        StringComparison.Ordinal
                    )
                )
                {
                    await TestContext.Progress.WriteLineAsync(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Demo seeded in {waited.Elapsed.TotalSeconds:F0} s"
                        )
                    );
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(1000);
        }

        Assert.Fail($"The demo was not seeded within {SeedingLimit}.");
    }

    /// <summary>The script's output as the README prints it; a 503 (the database busy) is sent again, as the answer
    /// asks.</summary>
    private static async Task<string> RunAsync(string script, int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            var output = (await BashAsync(script))
                .Replace($"localhost:{port}", "localhost:5080", StringComparison.Ordinal)
                .Trim();
            if (attempt == 10 || !output.Contains("\"status\":503", StringComparison.Ordinal))
            {
                return output;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<string> BashAsync(string script)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var bash = Process.Start(info)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return output;
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
