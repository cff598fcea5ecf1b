using System.Text;
using System.Text.RegularExpressions;

namespace Scorecard.Api.Tests.Documentation;

/// <summary>
/// A shell command of a README <c>bash</c> block (continuation lines and multi-line quotes joined, comments
/// removed) with the answer printed under it: the <c>#</c> lines that follow it directly, when they start with a
/// JSON value (<c>{</c>, <c>[</c>, optionally after a status such as <c>400</c> or a leading <c>…</c>), a number or a
/// header (<c>Link: …</c>). An answer that starts with <c>e.g.</c> is an illustration, not compared.
/// </summary>
internal sealed partial record ReadmeExample(int Line, string Command, string? Answer)
{
    public bool Calls => Command.Contains("localhost:5080", StringComparison.Ordinal);

    /// <summary>A shell variable the next commands use (not an environment prefix of another program, such as
    /// <c>UPDATE_OPENAPI=1 dotnet test</c>).</summary>
    public bool Assigns =>
        AssignmentPattern().IsMatch(Command) && !Command.Contains("dotnet ", StringComparison.Ordinal);

    public bool AnswerIsJson => Answer is not null && JsonStart().IsMatch(Answer);

    /// <summary>The JSON of a JSON answer, after its status (the body is what curl prints).</summary>
    public string Json => StatusPrefix().Replace(Answer!, "");

    public static IReadOnlyList<ReadmeExample> Parse(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var examples = new List<ReadmeExample>();
        var inBash = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && lines[i].Trim() == "```bash";
                continue;
            }

            if (!inBash || lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            var start = i;
            var command = new StringBuilder();
            while (true)
            {
                var (code, open) = Scan(command.ToString(), lines[i]);
                command.Append(code);
                if (!open && !lines[i].EndsWith('\\'))
                {
                    break;
                }

                command.Append('\n');
                i++;
            }

            var answer = new List<string>();
            while (i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith('#'))
            {
                answer.Add(lines[++i].TrimStart()[1..].Trim());
            }

            var text = string.Join("\n", answer);
            examples.Add(new ReadmeExample(start + 1, command.ToString(), AnswerStart().IsMatch(text) ? text : null));
        }

        return examples;
    }

    /// <summary>The line without its comment, and whether a quote is still open at its end (given the command so
    /// far).</summary>
    private static (string Code, bool OpenQuote) Scan(string before, string line)
    {
        char? quote = null;
        foreach (var c in before)
        {
            quote = Step(quote, c);
        }

        for (var i = 0; i < line.Length; i++)
        {
            if (quote is null && line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return (line[..i].TrimEnd(), false);
            }

            quote = Step(quote, line[i]);
        }

        return (line, quote is not null);
    }

    private static char? Step(char? quote, char c) =>
        quote is null ? (c is '\'' or '"' ? c : null)
        : c == quote ? null
        : quote;

    [GeneratedRegex(@"^[A-Z_]+=")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"^(\d{3} )?(… )?[\[{]")]
    private static partial Regex JsonStart();

    [GeneratedRegex(@"^(\d{3} )")]
    private static partial Regex StatusPrefix();

    [GeneratedRegex(@"^((\d{3} )?(… )?[\[{]|\d+$|[A-Za-z-]+: )")]
    private static partial Regex AnswerStart();
}
