using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// The continuation of a paged feed. <c>k…</c> carries the sort values and key of the last row sent
/// (keyset: the next page seeks past it, so pages never skip or repeat rows when others are added);
/// a null sort value is written as JSON null. <c>o…</c> is a plain offset, still read, no longer issued.
/// </summary>
internal sealed record SkipToken(long? Offset, IReadOnlyList<string?>? Values)
{
    public static SkipToken After(IEnumerable<object?> values) =>
        new(
            null,
            [
                .. values.Select(v =>
                    v switch
                    {
                        null => null,
                        DateTimeOffset instant => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
                        bool b => b ? "1" : "0",
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => v.ToString(),
                    }
                ),
            ]
        );

    public static SkipToken At(long offset) => new(offset, null);

    public static SkipToken Parse(string text)
    {
        try
        {
            if (text.StartsWith('o'))
            {
                return At(long.Parse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture));
            }

            if (text.StartsWith('k'))
            {
                var json = Base64Url.DecodeFromChars(text.AsSpan(1));
                return new SkipToken(
                    null,
                    JsonSerializer.Deserialize<List<string?>>(json) ?? throw new FormatException()
                );
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or OverflowException)
        {
            throw new FeedQueryException("The $skiptoken is not one this service issued.", ex);
        }

        throw new FeedQueryException("The $skiptoken is not one this service issued.");
    }

    public override string ToString() =>
        Offset is { } offset
            ? "o" + offset.ToString(CultureInfo.InvariantCulture)
            : "k" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Values)));

    /// <summary>A value of the token read back as the CLR type of its column.</summary>
    public static object ValueAs(string text, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return type switch
            {
                _ when type == typeof(string) => text,
                _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(
                    text,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal
                ),
                _ when type == typeof(DateOnly) => DateOnly.ParseExact(text, "O", CultureInfo.InvariantCulture),
                _ when type == typeof(bool) => text == "1" ? 1 : 0,
                _ when type == typeof(int) || type == typeof(long) => long.Parse(
                    text,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture
                ),
                _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw new FeedQueryException("The $skiptoken is not one this service issued."),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new FeedQueryException("The $skiptoken is not one this service issued.", ex);
        }
    }
}
