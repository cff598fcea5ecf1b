using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OData.UriParser;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>
/// A page in OData JSON with minimal metadata, written straight from the rows with one compiled
/// writer per property: the same document the OData serializer produces (a test compares them byte
/// for byte), at a fraction of its cost per row. Requests for other formats go to that serializer.
/// A <paramref name="single"/> row (a key lookup) is written as the entity itself, not as a page.
/// </summary>
internal sealed class FeedPageResult(
    FeedQuery plan,
    SelectExpandClause? clause,
    IReadOnlyList<object> rows,
    long? count,
    Uri? nextLink,
    bool single = false
) : IActionResult
{
    public const string ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";

    /// <summary>How feed JSON is written: unescaped Unicode (Vietnamese names read as they are), no checks of our own
    /// writes.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        var (properties, expansions) = Shape();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers["OData-Version"] = "4.0";
        await using var json = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        json.WriteStartObject();
        json.WriteString(
            "@odata.context",
            $"{request.Scheme}://{request.Host}{request.PathBase}/{ODataSetup.RoutePrefix}/$metadata#"
                + $"{plan.Feed.EntitySet}{ContextSuffix()}{(single ? "/$entity" : string.Empty)}"
        );
        if (count is { } total)
        {
            json.WriteNumber("@odata.count", total);
        }

        if (!single)
        {
            json.WriteStartArray("value");
        }

        foreach (var row in rows)
        {
            if (!single)
            {
                json.WriteStartObject();
            }

            foreach (var (name, write) in properties)
            {
                json.WritePropertyName(name);
                write(json, row);
            }

            foreach (var (name, get, nested) in expansions)
            {
                json.WritePropertyName(name);
                switch (get(row))
                {
                    case System.Collections.IList children:
                        json.WriteStartArray();
                        foreach (var child in children)
                        {
                            WriteObject(json, nested, child);
                        }

                        json.WriteEndArray();
                        break;
                    case { } child:
                        WriteObject(json, nested, child);
                        break;
                    default:
                        json.WriteNullValue();
                        break;
                }
            }

            if (!single)
            {
                json.WriteEndObject();
            }

            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
            }
        }

        if (!single)
        {
            json.WriteEndArray();
        }

        if (nextLink is not null)
        {
            json.WriteString("@odata.nextLink", nextLink.AbsoluteUri);
        }

        json.WriteEndObject();
        await json.FlushAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteObject(
        Utf8JsonWriter json,
        List<(string, Action<Utf8JsonWriter, object>)> properties,
        object entity
    )
    {
        json.WriteStartObject();
        foreach (var (name, write) in properties)
        {
            json.WritePropertyName(name);
            write(json, entity);
        }

        json.WriteEndObject();
    }

    /// <summary>The properties written per row (the selected ones, in EDM order) and the expansions with
    /// theirs.</summary>
    private (
        List<(string, Action<Utf8JsonWriter, object>)> Properties,
        List<(string, Func<object, object?>, List<(string, Action<Utf8JsonWriter, object>)>)> Expansions
    ) Shape()
    {
        var type = plan.Feed.ClrType;
        var selected = Selected(clause);
        var properties = plan
            .Feed.Columns.Where(c => selected is null || selected.Contains(c.Property))
            .Select(c => (c.Property, FeedJson.WriterOf(type.GetProperty(c.Property)!)))
            .ToList();
        var expansions = new List<(string, Func<object, object?>, List<(string, Action<Utf8JsonWriter, object>)>)>();
        foreach (var item in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            var name = ((NavigationPropertySegment)item.PathToNavigationProperty.LastSegment).NavigationProperty.Name;
            var (targetType, columns) =
                plan.Expansions.FirstOrDefault(n => n.Name == name) is { } navigation
                    ? (navigation.ClrType, navigation.Columns)
                : plan.CollectionExpansions.First(e => e.Collection.Name == name) is var expansion
                    ? (expansion.Target.ClrType, expansion.Target.Columns)
                : default;
            var nestedSelected = Selected(item.SelectAndExpand);
            var property = type.GetProperty(name)!;
            var nested = columns
                .Where(c => nestedSelected is null || nestedSelected.Contains(c.Property))
                .Select(c => (c.Property, FeedJson.WriterOf(targetType.GetProperty(c.Property)!)))
                .ToList();
            expansions.Add((name, property.GetValue, nested));
        }

        return (properties, expansions);
    }

    /// <summary>The names in $select, or null when every structural property is written.</summary>
    private static HashSet<string>? Selected(SelectExpandClause? clause)
    {
        if (clause is null || clause.AllSelected || clause.SelectedItems.OfType<WildcardSelectItem>().Any())
        {
            return null;
        }

        var paths = clause.SelectedItems.OfType<PathSelectItem>().ToList();
        var names = paths
            .Select(p => p.SelectedPath.LastSegment)
            .OfType<PropertySegment>()
            .Select(s => s.Property.Name)
            .ToHashSet(StringComparer.Ordinal);
        return paths.Count == 0 ? null : names;
    }

    /// <summary>The context URL's projection, e.g. <c>(Code,Status,Unit(Name),Procedure())</c>, in the order the query
    /// names them.</summary>
    private string ContextSuffix()
    {
        if (
            clause is null
            || (clause.AllSelected && !clause.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any())
        )
        {
            return string.Empty;
        }

        return "(" + Projection(clause) + ")";
    }

    private static string Projection(SelectExpandClause clause)
    {
        var parts = new List<string>();
        foreach (var item in clause.SelectedItems.OrderBy(i => i is ExpandedNavigationSelectItem))
        {
            switch (item)
            {
                case PathSelectItem { SelectedPath.LastSegment: PropertySegment property }:
                    parts.Add(property.Property.Name);
                    break;
                case PathSelectItem { SelectedPath.LastSegment: NavigationPropertySegment navigation }:
                    parts.Add(navigation.NavigationProperty.Name);
                    break;
                case WildcardSelectItem:
                    parts.Add("*");
                    break;
                case ExpandedNavigationSelectItem expand
                    when expand.PathToNavigationProperty.LastSegment is NavigationPropertySegment segment:
                    var nested = expand.SelectAndExpand is { AllSelected: false } inner
                        ? Projection(inner)
                        : string.Empty;
                    parts.Add($"{segment.NavigationProperty.Name}({nested})");
                    break;
            }
        }

        return string.Join(",", parts);
    }
}
