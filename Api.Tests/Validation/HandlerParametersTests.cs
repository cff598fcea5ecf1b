using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Api.Validation;

namespace Scorecard.Api.Tests.Validation;

/// <summary>
/// The query parameters each route accepts (anything else is a 400) are read from its handler; they must be
/// exactly those the framework binds from the query, as its API explorer (and so openapi.yaml) describes them.
/// </summary>
public sealed class HandlerParametersTests
{
    [Test]
    public void QueryNames_OfEveryJsonRoute_AreThoseTheFrameworkBindsFromTheQuery()
    {
        using var factory = new ScorecardFactory();
        var described = factory
            .Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .ToDictionary(
                d => $"{d.HttpMethod} /{d.RelativePath!.TrimEnd('/')}",
                d =>
                    d.ParameterDescriptions.Where(p => p.Source == BindingSource.Query)
                        .Select(p => p.Name)
                        .Order(StringComparer.Ordinal)
                        .ToList(),
                StringComparer.Ordinal
            );
        var derived = factory
            .Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .ToDictionary(
                e =>
                    $"{e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single()} "
                    + $"/{e.RoutePattern.RawText!.Trim('/')}",
                e => HandlerParameters.QueryNames(e)!.Order(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal
            );

        Assert.That(derived.Keys, Is.EquivalentTo(described.Keys));
        Assert.That(derived, Has.Count.GreaterThanOrEqualTo(25));
        foreach (var (route, names) in derived)
        {
            Assert.That(names, Is.EqualTo(described[route]), route);
        }

        Assert.That(
            derived["GET /api/units"],
            Is.EqualTo(new[] { "level", "parentCode", "q", "skip", "top", "validOn" })
        );
    }
}
