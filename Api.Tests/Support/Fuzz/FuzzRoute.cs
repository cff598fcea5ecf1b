using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>A JSON route as the application describes it: method, pattern and the names of its route and query
/// parameters.</summary>
internal sealed record FuzzRoute(
    string Method,
    string Pattern,
    IReadOnlyList<string> RouteParameters,
    IReadOnlyList<string> QueryParameters,
    bool HasBody
)
{
    /// <summary>"METHOD /pattern", the key of <see cref="FuzzJson.Templates"/>.</summary>
    public string Key => $"{Method} {Pattern}";

    /// <summary>Every route the API explorer lists (the JSON routes; the feeds are described by their EDM).</summary>
    public static List<FuzzRoute> All(IApiDescriptionGroupCollectionProvider explorer) =>
        [
            .. explorer
                .ApiDescriptionGroups.Items.SelectMany(g => g.Items)
                .Select(d => new FuzzRoute(
                    d.HttpMethod ?? "GET",
                    "/" + (d.RelativePath ?? "").TrimEnd('/'),
                    [.. d.ParameterDescriptions.Where(p => p.Source == BindingSource.Path).Select(p => p.Name)],
                    [.. d.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).Select(p => p.Name)],
                    d.ParameterDescriptions.Any(p => p.Source == BindingSource.Body)
                ))
                .DistinctBy(r => r.Key),
        ];
}
