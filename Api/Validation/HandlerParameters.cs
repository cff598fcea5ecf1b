using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Scorecard.Api.Validation;

/// <summary>
/// The values a route handler binds, read from its parameters as the framework binds them: those named by
/// <c>[FromQuery]</c>, <c>[FromRoute]</c> and the like, each constructor parameter of an <c>[AsParameters]</c>
/// one, and undecorated parameters of a simple type (a string, or a type with <c>TryParse</c>), taken from
/// the route when it names them and from the query otherwise.
/// </summary>
internal static class HandlerParameters
{
    private static readonly ConcurrentDictionary<Endpoint, IReadOnlySet<string>?> QueryNamesOf = new();

    /// <summary>The query parameters a minimal API route binds (case-insensitive, as binding is); null for a route
    /// that is not a handler of its own (a controller, a health check, the docs).</summary>
    public static IReadOnlySet<string>? QueryNames(Endpoint endpoint) =>
        QueryNamesOf.GetOrAdd(endpoint, static e =>
            e.Metadata.GetMetadata<MethodInfo>() is { } handler
            && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null
                ? handler
                    .GetParameters()
                    .SelectMany(Flatten)
                    .Select(p => QueryName(p, (e as RouteEndpoint)?.RoutePattern))
                    .OfType<string>()
                    .ToHashSet(StringComparer.OrdinalIgnoreCase)
                : null
        );

    /// <summary>A handler parameter, or each constructor parameter of an [AsParameters] one, with the attributes that
    /// place it.</summary>
    public static IEnumerable<Bound> Flatten(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is null)
        {
            yield return new Bound(
                parameter.Name ?? "",
                parameter.ParameterType,
                [.. parameter.GetCustomAttributes()],
                IsRequired(parameter)
            );
            yield break;
        }

        var constructor = parameter.ParameterType.GetConstructors().MaxBy(c => c.GetParameters().Length);
        foreach (var inner in constructor?.GetParameters() ?? [])
        {
            var property = parameter.ParameterType.GetProperty(
                inner.Name ?? "",
                BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase
            );
            var attributes = inner.GetCustomAttributes().Concat(property?.GetCustomAttributes() ?? []).ToList();
            yield return new Bound(inner.Name ?? "", inner.ParameterType, attributes, IsRequired(inner));
        }
    }

    /// <summary>The name a parameter is read under from the query, or null when it is read from elsewhere.</summary>
    private static string? QueryName(Bound parameter, RoutePattern? pattern)
    {
        if (parameter.Attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
        {
            return fromQuery.Name ?? parameter.Name;
        }

        var placed = parameter.Attributes.Any(a =>
            a
                is IFromBodyMetadata
                    or IFromServiceMetadata
                    or IFromHeaderMetadata
                    or IFromFormMetadata
                    or IFromRouteMetadata
        );
        return placed || pattern?.GetParameter(parameter.Name) is not null || !IsSimple(parameter.Type)
            ? null
            : parameter.Name;
    }

    private static bool IsSimple(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner == typeof(string)
            || inner.IsEnum
            || inner.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "TryParse");
    }

    private static bool IsRequired(ParameterInfo parameter) =>
        !parameter.HasDefaultValue
        && (
            parameter.ParameterType.IsValueType
                ? Nullable.GetUnderlyingType(parameter.ParameterType) is null
                : new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.NotNull
        );

    /// <summary>A value a handler binds: its name, type, the attributes that place it, and whether it must be
    /// sent.</summary>
    public sealed record Bound(string Name, Type Type, IReadOnlyList<Attribute> Attributes, bool Required);
}
