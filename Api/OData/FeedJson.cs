using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Scorecard.Api.OData;

/// <summary>
/// Writes entity properties as OData JSON values, the way Microsoft.OData writes them in minimal
/// metadata (instants in UTC with 'Z' and only the fractional digits they need, dates as
/// yyyy-MM-dd, doubles round-trippable and always with a decimal point). One compiled writer per
/// property, so a page of thousands of rows costs no reflection.
/// </summary>
internal static class FeedJson
{
    private static readonly ConcurrentDictionary<PropertyInfo, Action<Utf8JsonWriter, object>> Writers = new();

    public static Action<Utf8JsonWriter, object> WriterOf(PropertyInfo property) => Writers.GetOrAdd(property, Compile);

    public static void Write(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    public static void Write(Utf8JsonWriter writer, double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(
            text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal)
                ? text
                : text + ".0",
            skipInputValidation: true
        );
    }

    public static void Write(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[40];
        var utc = value.UtcDateTime;
        utc.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        if (ticks != 0)
        {
            buffer[written++] = '.';
            var digits = ticks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
            digits.CopyTo(buffer[written..]);
            written += digits.Length;
        }

        buffer[written++] = 'Z';
        writer.WriteStringValue(buffer[..written]);
    }

    public static void Write(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    private static Action<Utf8JsonWriter, object> Compile(PropertyInfo property)
    {
        var writer = Expression.Parameter(typeof(Utf8JsonWriter), "writer");
        var entity = Expression.Parameter(typeof(object), "entity");
        var value = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var write = typeof(FeedJson).GetMethod(nameof(Write), [typeof(Utf8JsonWriter), underlying ?? type])
            ?? throw new InvalidOperationException($"No OData JSON writer for {type.Name} ({property.Name}).");
        Expression body = underlying is null
            ? Expression.Call(write, writer, value)
            : Expression.IfThenElse(
                Expression.Property(value, "HasValue"),
                Expression.Call(write, writer, Expression.Property(value, "Value")),
                Expression.Call(writer, typeof(Utf8JsonWriter).GetMethod(nameof(Utf8JsonWriter.WriteNullValue))!)
            );
        return Expression.Lambda<Action<Utf8JsonWriter, object>>(body, writer, entity).Compile();
    }
}
