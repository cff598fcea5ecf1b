using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>The rows of an <c>$apply</c> in OData JSON (minimal metadata): one object per group with its properties and
/// aggregates, a grouped navigation's properties nested in an object of their own
/// (<c>{"Unit":{"Level":"commune"},"N":3}</c>), and the number of groups when asked.</summary>
internal sealed class FeedAggregateResult(FeedAggregation aggregation, IReadOnlyList<object?[]> rows, long? count)
    : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = FeedPageResult.ContentType;
        response.Headers["OData-Version"] = "4.0";
        await using var json = new Utf8JsonWriter(response.BodyWriter, FeedPageResult.WriterOptions);
        json.WriteStartObject();
        json.WriteString(
            "@odata.context",
            $"{request.Scheme}://{request.Host}{request.PathBase}/{ODataSetup.RoutePrefix}/$metadata#"
                + $"{aggregation.Feed.EntitySet}({ContextProperties()})"
        );
        if (count is { } total)
        {
            json.WriteNumber("@odata.count", total);
        }

        json.WriteStartArray("value");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            string? nested = null;
            for (var i = 0; i < row.Length; i++)
            {
                var (navigation, name) = Split(aggregation.Columns[i].Name);
                if (nested is not null && nested != navigation)
                {
                    json.WriteEndObject();
                    nested = null;
                }

                if (navigation is not null && nested is null)
                {
                    json.WriteStartObject(navigation);
                    nested = navigation;
                }

                json.WritePropertyName(name);
                switch (row[i])
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case string text:
                        json.WriteStringValue(text);
                        break;
                    case bool flag:
                        json.WriteBooleanValue(flag);
                        break;
                    case long number:
                        json.WriteNumberValue(number);
                        break;
                    case double real:
                        FeedJson.Write(json, real);
                        break;
                    case DateTimeOffset instant:
                        FeedJson.Write(json, instant);
                        break;
                    case DateOnly date:
                        FeedJson.Write(json, date);
                        break;
                    default:
                        json.WriteStringValue(row[i]!.ToString());
                        break;
                }
            }

            if (nested is not null)
            {
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A navigation path's navigation and property (<c>Unit/Level</c>), or no navigation for an own
    /// name.</summary>
    private static (string? Navigation, string Name) Split(string path) =>
        path.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            ? (path[..slash], path[(slash + 1)..])
            : (null, path);

    /// <summary>The output's properties as a context URL lists them: <c>Unit(Level,Name),N</c>.</summary>
    private string ContextProperties() =>
        string.Join(
            ",",
            aggregation
                .Columns.Select(c => Split(c.Name))
                .GroupBy(c => c.Navigation ?? c.Name, StringComparer.Ordinal)
                .Select(g =>
                    g.First().Navigation is { } navigation
                        ? $"{navigation}({string.Join(",", g.Select(c => c.Name))})"
                        : g.Key
                )
        );
}
