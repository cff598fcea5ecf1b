using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>The rows of an <c>$apply</c> in OData JSON (minimal metadata): one object per group with its properties and
/// aggregates.</summary>
internal sealed class FeedAggregateResult(FeedAggregation aggregation, IReadOnlyList<object?[]> rows) : IActionResult
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
                + $"{aggregation.Feed.EntitySet}({string.Join(",", aggregation.Columns.Select(c => c.Name))})"
        );
        json.WriteStartArray("value");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(aggregation.Columns[i].Name);
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

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
