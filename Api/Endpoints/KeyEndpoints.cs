using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Caching;
using Scorecard.Api.Validation;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Keys;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Endpoints;

internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Roles.AdminPolicy).IsNotCached();
        group
            .MapPost("/", CreateKey)
            .WithValidation<CreateKeyRequest>()
            .WithSummary("Create a key; its plaintext is in this answer only.");
        group.MapGet("/", ListKeys).WithSummary("Keys (never their plaintext).");
        group.MapDelete("/{id}", RevokeKey).WithSummary("Revoke a key.");
        return app;
    }

    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateKey(
        CreateKeyRequest request,
        Caller caller,
        ReferenceDataCache reference,
        ApiKeyStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var scope = caller.ScopeUnit;
        var unitCode = request.UnitCode ?? scope;
        if (unitCode is not null)
        {
            var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
            if (!tree.Contains(unitCode))
            {
                return Problems.BadRequest($"Unit '{unitCode}' does not exist.");
            }

            if (!UnitScope.Contains(tree, scope, unitCode))
            {
                return Problems.OutsideScope(unitCode, scope!);
            }
        }

        if (request.Source is { } source && scope is not null)
        {
            var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
            var holders = await store.OfSourceAsync(source, ct).ConfigureAwait(false);
            if (
                holders.Count == 0
                || holders.Any(k => k.UnitCode is null || !UnitScope.Contains(tree, scope, k.UnitCode))
            )
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Forbidden",
                    detail: $"A key limited to '{scope}' may give a new key only the source of keys inside its "
                        + $"subtree; '{source}' is not one."
                );
            }
        }

        var (key, plaintext) = await store
            .CreateAsync(
                request.Name!.Trim(),
                WireName.Parse<ApiKeyRole>(request.Role!),
                unitCode,
                request.Source,
                caller.Stamp(clock),
                ct
            )
            .ConfigureAwait(false);
        return TypedResults.Created(
            $"/api/keys/{key.Id}",
            new CreatedKey(key.Id, key.Name, WireName.Of(key.Role), key.UnitCode, key.Source, plaintext)
        );
    }

    private static async Task<Ok<List<ApiKey>>> ListKeys(
        Caller caller,
        ReferenceDataCache reference,
        ApiKeyStore store,
        CancellationToken ct
    )
    {
        var keys = await store.ListAsync(ct).ConfigureAwait(false);
        if (caller.ScopeUnit is not { } scope)
        {
            return TypedResults.Ok(keys.ToList());
        }

        var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
        return TypedResults.Ok(
            keys.Where(k => k.UnitCode is not null && UnitScope.Contains(tree, scope, k.UnitCode)).ToList()
        );
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string id,
        Caller caller,
        ReferenceDataCache reference,
        ApiKeyStore store,
        ApiKeyCache cache,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (caller.ScopeUnit is { } scope)
        {
            var key = (await store.ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(k => k.Id == id);
            var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
            if (key is not null && (key.UnitCode is null || !UnitScope.Contains(tree, scope, key.UnitCode)))
            {
                return Problems.OutsideScope(key.UnitCode ?? "(province-wide)", scope);
            }
        }

        var revoked = await store.RevokeAsync(id, caller.Stamp(clock), ct).ConfigureAwait(false);
        cache.Forget(id);
        return revoked
            ? TypedResults.NoContent()
            : Problems.NotFound($"Key '{id}' does not exist or is already revoked.");
    }
}

/// <param name="Source">The integrator the key speaks for; give an earlier key's source to replace that key. Default: a
/// new source, the key's id.</param>
internal sealed record CreateKeyRequest(string? Name, string? Role, string? UnitCode, string? Source = null);

/// <summary>The only answer that ever carries a key's plaintext.</summary>
internal sealed record CreatedKey(string Id, string Name, string Role, string? UnitCode, string Source, string Key);

internal sealed class CreateKeyRequestValidator : AbstractValidator<CreateKeyRequest>
{
    public CreateKeyRequestValidator()
    {
        RuleFor(k => k.Name).NotEmpty().MaximumLength(128);
        RuleFor(k => k.Role).NotEmpty().IsOneOf(WireName.All<ApiKeyRole>());
        RuleFor(k => k.UnitCode).IsCode().When(k => k.UnitCode is not null);
        RuleFor(k => k.Source).IsCode().When(k => k.Source is not null);
    }
}
