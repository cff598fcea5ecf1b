using System.Text;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Scorecard.Api.OData;

/// <summary>
/// OData lets a client name key properties in any order (<c>Dossiers(Source='…',Code='…')</c>) and name a
/// single key (<c>Units(Code='49')</c>); the routes match only the $metadata order with the key unnamed. Such
/// a path is parsed against the model and rewritten into that form before routing; one that does not parse
/// is left as it is, for the routes to refuse.
/// </summary>
internal static class ODataKeyPaths
{
    private static readonly Uri ServiceRoot = new("http://service/" + ODataSetup.RoutePrefix + "/");

    public static IApplicationBuilder UseODataKeyPaths(this IApplicationBuilder app, IEdmModel model) =>
        app.Use(
            (context, next) =>
            {
                var path = context.Request.Path;
                if (
                    path.StartsWithSegments(
                        "/" + ODataSetup.RoutePrefix,
                        StringComparison.OrdinalIgnoreCase,
                        out var rest
                    )
                    && rest.Value is { } relative
                    && relative.Contains('=', StringComparison.Ordinal)
                    && Canonical(model, rest.ToUriComponent().TrimStart('/')) is { } canonical
                )
                {
                    context.Request.Path = PathString.FromUriComponent("/" + ODataSetup.RoutePrefix + "/" + canonical);
                }

                return next(context);
            }
        );

    /// <summary>The (escaped) path after the route prefix with each key in the model's order and a single key
    /// unnamed, or null.</summary>
    internal static string? Canonical(IEdmModel model, string relative)
    {
        ODataPath parsed;
        try
        {
            parsed = new ODataUriParser(model, ServiceRoot, new Uri(relative, UriKind.Relative)).ParsePath();
        }
        catch (Exception ex) when (ex is ODataException or UriFormatException or ArgumentException)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var segment in parsed)
        {
            switch (segment)
            {
                case EntitySetSegment set:
                    text.Append(set.EntitySet.Name);
                    break;
                case KeySegment key:
                    text.Append('(').Append(Key(key)).Append(')');
                    break;
                case NavigationPropertySegment navigation:
                    text.Append('/').Append(navigation.NavigationProperty.Name);
                    break;
                case CountSegment:
                    text.Append("/$count");
                    break;
                default:
                    return null;
            }
        }

        return text.ToString();
    }

    private static string Key(KeySegment key)
    {
        var values = key.Keys.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        var names = key.EdmType is IEdmEntityType type ? type.Key().Select(p => p.Name).ToList() : [.. values.Keys];
        string Literal(string name) =>
            Uri.EscapeDataString(ODataUriUtils.ConvertToUriLiteral(values[name], ODataVersion.V4));
        return names.Count == 1 ? Literal(names[0]) : string.Join(',', names.Select(n => n + "=" + Literal(n)));
    }
}
