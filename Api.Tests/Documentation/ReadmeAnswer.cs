using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scorecard.Api.Tests.Documentation;

/// <summary>
/// An answer printed in the README as a JSON value abbreviated with <c>…</c>, matched against a real answer:
/// a member <c>…</c> allows other members; an array's trailing <c>…</c> allows more items after those shown
/// (<c>[…]</c> is any array); <c>…</c> inside a string matches any run of characters (<c>"…"</c> any value, string or
/// not); a leading <c>…</c> before the value means the value appears somewhere in the answer. Values of the
/// properties in <see cref="Ignored"/> (ids, keys, instants of the request) are never compared.
/// </summary>
internal abstract record ReadmeAnswer
{
    public const char Ellipsis = '…';

    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "id",
        "keyId",
        "source",
        "key",
        "at",
    };

    /// <summary>The JSON value at the start of <paramref name="text"/>; prose after it is ignored.</summary>
    public static ReadmeAnswer Parse(string text)
    {
        var reader = new Reader(text);
        reader.Skip();
        var anywhere = reader.TryTake(Ellipsis);
        reader.Skip();
        var value = reader.Value();
        return anywhere ? new Somewhere(value) : value;
    }

    /// <summary>Where the answer differs from <paramref name="actual"/>, or null when it matches.</summary>
    public abstract string? Mismatch(JsonElement actual, string path);

    private static string Show(JsonElement e) =>
        e.GetRawText() is { Length: > 200 } raw ? raw[..200] + "…" : e.GetRawText();

    private sealed record Somewhere(ReadmeAnswer Value) : ReadmeAnswer
    {
        public override string? Mismatch(JsonElement actual, string path) =>
            Descendants(actual).Any(e => Value.Mismatch(e, path) is null)
                ? null
                : $"{path}: nothing in the answer matches {Value.Mismatch(actual, path)}";

        private static IEnumerable<JsonElement> Descendants(JsonElement e)
        {
            yield return e;
            var children =
                e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().Select(p => p.Value)
                : e.ValueKind == JsonValueKind.Array ? e.EnumerateArray()
                : [];
            foreach (var child in children.SelectMany(Descendants))
            {
                yield return child;
            }
        }
    }

    private sealed record AnyValue : ReadmeAnswer
    {
        public override string? Mismatch(JsonElement actual, string path) => null;
    }

    private sealed record Literal(string Raw) : ReadmeAnswer
    {
        public override string? Mismatch(JsonElement actual, string path)
        {
            using var expected = JsonDocument.Parse(Raw);
            var same = (expected.RootElement.ValueKind, actual.ValueKind) switch
            {
                (JsonValueKind.Number, JsonValueKind.Number) => expected.RootElement.GetDecimal()
                    == actual.GetDecimal(),
                var (a, b) => a == b && (a is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null),
            };
            return same ? null : $"{path}: README says {Raw}, the answer is {Show(actual)}";
        }
    }

    private sealed record Text(string Pattern) : ReadmeAnswer
    {
        public override string? Mismatch(JsonElement actual, string path)
        {
            if (Pattern == Ellipsis.ToString())
            {
                return null;
            }

            // A string the README breaks over two lines reads as one space there.
            var pattern = Regex.Replace(Pattern, @"\s*\n\s*", " ", RegexOptions.None, TimeSpan.FromSeconds(1));
            var regex = "^" + string.Join(".*", pattern.Split(Ellipsis).Select(Regex.Escape)) + "$";
            return
                actual.ValueKind == JsonValueKind.String
                && Regex.IsMatch(actual.GetString()!, regex, RegexOptions.Singleline, TimeSpan.FromSeconds(1))
                ? null
                : $"{path}: README says \"{Pattern}\", the answer is {Show(actual)}";
        }
    }

    private sealed record ArrayOf(IReadOnlyList<ReadmeAnswer> Items, bool Open) : ReadmeAnswer
    {
        public override string? Mismatch(JsonElement actual, string path)
        {
            if (actual.ValueKind != JsonValueKind.Array)
            {
                return $"{path}: README shows an array, the answer is {Show(actual)}";
            }

            var items = actual.EnumerateArray().ToList();
            if (items.Count < Items.Count || (!Open && items.Count != Items.Count))
            {
                var shown = Open ? $"{Items.Count} or more" : $"{Items.Count}";
                return $"{path}: README shows {shown} items, the answer has {items.Count}";
            }

            return Items
                .Select((item, i) => item.Mismatch(items[i], $"{path}[{i}]"))
                .FirstOrDefault(m => m is not null);
        }
    }

    private sealed record ObjectOf(IReadOnlyList<(string Name, ReadmeAnswer Value)> Members, bool Open) : ReadmeAnswer
    {
        public override string? Mismatch(JsonElement actual, string path)
        {
            if (actual.ValueKind != JsonValueKind.Object)
            {
                return $"{path}: README shows an object, the answer is {Show(actual)}";
            }

            foreach (var (name, value) in Members)
            {
                if (!actual.TryGetProperty(name, out var member))
                {
                    return $"{path}.{name}: README shows it, the answer has no such member";
                }

                if (!Ignored.Contains(name) && value.Mismatch(member, $"{path}.{name}") is { } mismatch)
                {
                    return mismatch;
                }
            }

            var extra = actual.EnumerateObject().Select(p => p.Name).Except(Members.Select(m => m.Name)).ToList();
            return Open || extra.Count == 0
                ? null
                : $"{path}: the answer has members the README does not show (nor '…'): {string.Join(", ", extra)}";
        }
    }

    private sealed class Reader(string text)
    {
        private int at;

        public void Skip()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }
        }

        public bool TryTake(char c)
        {
            Skip();
            if (at < text.Length && text[at] == c)
            {
                at++;
                return true;
            }

            return false;
        }

        public ReadmeAnswer Value()
        {
            Skip();
            if (TryTake('{'))
            {
                return Object();
            }

            if (TryTake('['))
            {
                return Array();
            }

            if (TryTake('"'))
            {
                return new Text(String());
            }

            if (TryTake(Ellipsis))
            {
                return new AnyValue();
            }

            var start = at;
            while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] is '-' or '+' or '.'))
            {
                at++;
            }

            return at > start
                ? new Literal(text[start..at])
                : throw new FormatException($"No JSON value at '{text[start..Math.Min(text.Length, start + 40)]}'.");
        }

        private ObjectOf Object()
        {
            var members = new List<(string, ReadmeAnswer)>();
            var open = false;
            while (!TryTake('}'))
            {
                if (TryTake(Ellipsis))
                {
                    open = true;
                }
                else
                {
                    Expect('"');
                    var name = String();
                    Expect(':');
                    members.Add((name, Value()));
                }

                TryTake(',');
            }

            return new ObjectOf(members, open);
        }

        private ArrayOf Array()
        {
            var items = new List<ReadmeAnswer>();
            var open = false;
            while (!TryTake(']'))
            {
                if (TryTake(Ellipsis))
                {
                    open = true;
                }
                else
                {
                    items.Add(Value());
                }

                TryTake(',');
            }

            return new ArrayOf(items, open);
        }

        private string String()
        {
            var value = new StringBuilder();
            while (text[at] != '"')
            {
                if (text[at] == '\\')
                {
                    at++;
                    value.Append(
                        text[at] == 'u'
                            ? (char)
                                int.Parse(text.AsSpan(at + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                            : text[at] switch
                            {
                                'n' => '\n',
                                't' => '\t',
                                _ => text[at],
                            }
                    );
                    at += text[at] == 'u' ? 5 : 1;
                    continue;
                }

                value.Append(text[at++]);
            }

            at++;
            return value.ToString();
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw new FormatException($"Expected '{c}' at '{text[at..Math.Min(text.Length, at + 40)]}'.");
            }
        }
    }
}
