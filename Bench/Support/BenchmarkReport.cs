using System.Text.RegularExpressions;

namespace Scorecard.Bench.Support;

/// <summary>Writes one benchmark's section of BENCHMARKS.md, replacing the previous run of the same
/// benchmark.</summary>
internal static partial class BenchmarkReport
{
    public static async Task WriteSectionAsync(string name, string markdown)
    {
        var path = Path.Combine(Paths.Root, "BENCHMARKS.md");
        var text = File.Exists(path)
            ? await File.ReadAllTextAsync(path).ConfigureAwait(false)
            : "# Benchmarks\n\nEvery figure below was produced by the command shown with it, on the 2-core machine "
                + "these sessions run on. Machines are noisy: compare the ratios measured in the same run, not "
                + "absolute numbers across runs.\n";
        var begin = $"<!-- bench:{name} -->";
        var end = $"<!-- /bench:{name} -->";
        var section = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var pattern = new Regex(Regex.Escape(begin) + ".*?" + Regex.Escape(end), RegexOptions.Singleline);
        text = pattern.IsMatch(text) ? pattern.Replace(text, section) : text.TrimEnd() + "\n\n" + section + "\n";
        await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
    }
}
