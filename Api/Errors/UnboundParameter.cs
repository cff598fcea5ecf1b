using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Scorecard.Api.Validation;

namespace Scorecard.Api.Errors;

/// <summary>
/// Says which value of a request did not bind to its route handler. The framework reports a binding
/// failure as a bare 400 whose details are only in a message worded for developers, with CLR types
/// ("Nullable&lt;DateOnly&gt; from"); the handler's parameters say what each route and query value
/// must be, so the failing one is found by reading the request against them, by type.
/// </summary>
internal static class UnboundParameter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The types a route or query value may fail to bind to: what a value must look like, and how the
    /// framework parses it.</summary>
    private static readonly Dictionary<Type, Format> Formats = new()
    {
        [typeof(DateOnly)] = new("a date such as 2025-01-31", t =>
            DateOnly.TryParse(t, Invariant, DateTimeStyles.AllowWhiteSpaces, out _)
        ),
        [typeof(DateTime)] = new("an instant such as 2025-01-31T08:00:00+07:00", t =>
            DateTime.TryParse(t, Invariant, DateTimeStyles.AllowWhiteSpaces, out _)
        ),
        [typeof(DateTimeOffset)] = new("an instant such as 2025-01-31T08:00:00+07:00", t =>
            DateTimeOffset.TryParse(t, Invariant, DateTimeStyles.AllowWhiteSpaces, out _)
        ),
        [typeof(int)] = new("a whole number", t => int.TryParse(t, NumberStyles.Integer, Invariant, out _)),
        [typeof(long)] = new("a whole number", t => long.TryParse(t, NumberStyles.Integer, Invariant, out _)),
        [typeof(bool)] = new("true or false", t => bool.TryParse(t, out _)),
        [typeof(decimal)] = new("a number", t => decimal.TryParse(t, NumberStyles.Number, Invariant, out _)),
        [typeof(double)] = new("a number", t =>
            double.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, Invariant, out _)
        ),
    };

    /// <summary>The first route or query value that is missing or does not parse, else a missing body; null when
    /// neither.</summary>
    public static string? Describe(HttpContext context)
    {
        // The exception handler runs with the endpoint and route values cleared; the feature keeps them.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failed?.Endpoint ?? context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return null;
        }

        var pattern = (endpoint as RouteEndpoint)?.RoutePattern;
        var routeValues = failed?.RouteValues ?? context.Request.RouteValues;
        foreach (var parameter in handler.GetParameters().SelectMany(HandlerParameters.Flatten))
        {
            if (Problem(context.Request.Query, routeValues, pattern, parameter) is { } problem)
            {
                return problem;
            }
        }

        return endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null ? "A request body is required." : null;
    }

    private static string? Problem(
        IQueryCollection query,
        RouteValueDictionary routeValues,
        RoutePattern? pattern,
        HandlerParameters.Bound parameter
    )
    {
        if (
            parameter.Attributes.Any(a =>
                a is IFromBodyMetadata or IFromServiceMetadata or IFromHeaderMetadata or IFromFormMetadata
            )
        )
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var fromRoute = parameter.Attributes.OfType<IFromRouteMetadata>().FirstOrDefault();
        var fromQuery = parameter.Attributes.OfType<IFromQueryMetadata>().FirstOrDefault();
        var name = fromRoute?.Name ?? fromQuery?.Name ?? parameter.Name;
        var inRoute = fromRoute is not null || (fromQuery is null && pattern?.GetParameter(name) is not null);
        var format = Formats.GetValueOrDefault(type);
        if (!inRoute && fromQuery is null && type != typeof(string) && format is null)
        {
            return null;
        }

        var text = inRoute ? routeValues[name]?.ToString() : query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return parameter.Required ? $"'{name}' is required." : null;
        }

        return format is { } f && !f.Parses(text)
            ? $"'{name}' must be {f.Expected}; got '{(text.Length > 100 ? text[..100] + "…" : text)}'."
            : null;
    }

    private sealed record Format(string Expected, Func<string, bool> Parses);
}
