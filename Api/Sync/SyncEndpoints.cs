using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Auth;
using Scorecard.Api.Endpoints;
using Scorecard.Api.Ingestion;
using Scorecard.Domain.Sync;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Sync;

namespace Scorecard.Api.Sync;

/// <summary>The national portal's sync body, accepted as one-stop-shop systems already send it.</summary>
internal static class SyncEndpoints
{
    public const string SnapshotService = "DongBoHoSoMC";
    public const string StatusService = "CapNhatTienDoHoSoMC";

    public static IEndpointRouteBuilder MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sync/dossiers", PostDossiers)
            .WithTags("National sync")
            .RequireAuthorization(Roles.IngestPolicy)
            .Accepts<SyncRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary(
                "Sync dossiers as sent to the national portal (DongBoHoSoMC snapshots or CapNhatTienDoHoSoMC status "
                    + "updates, at most 500): each becomes the events it implies. 200 means every accepted event is "
                    + "committed."
            );
        app.MapGet("/api/sync/status-mappings", GetMapping)
            .WithTags("National sync")
            .WithSummary(
                "What each status code (TrangThaiHoSo) of a source's system means; the default if it has none."
            );
        app.MapPut("/api/sync/status-mappings", PutMapping)
            .WithTags("National sync")
            .RequireAuthorization(Roles.AdminPolicy)
            .RequireProvinceWide()
            .WithSummary("Replace a source's status mapping (every code its system sends, with its meaning).");
        return app;
    }

    private static async Task<Results<Ok<SyncResponse>, ValidationProblem, ProblemHttpResult>> PostDossiers(
        JsonDocument body,
        [FromQuery(Name = "MaDinhDanhDV")] string? identifier,
        [FromQuery] string? unitCode,
        [FromQuery] string? source,
        Caller caller,
        ReferenceDataCache referenceCache,
        UnitIdentifiers units,
        DossierSync sync,
        HttpContext http,
        CancellationToken ct
    )
    {
        using var document = body;
        var root = document.RootElement;
        if (
            root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Array
        )
        {
            return Problems.BadRequest("The body must be {\"service\": \"DongBoHoSoMC\", \"data\": [...]}.");
        }

        var service =
            root.TryGetProperty("service", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : SnapshotService;
        if (service is not (SnapshotService or StatusService))
        {
            return Problems.BadRequest($"'service' must be {SnapshotService} or {StatusService}.");
        }

        if (data.GetArrayLength() > SyncLimits.MaxSnapshots)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload Too Large",
                detail: $"A sync request holds at most {SyncLimits.MaxSnapshots} dossiers; this one has "
                    + $"{data.GetArrayLength()}. Split it."
            );
        }

        if (EventIngestion.RefuseSource(source, caller) is { } refused)
        {
            return refused;
        }

        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        string? unit = null;
        if (identifier is not null && unitCode is not null)
        {
            return Problems.BadRequest("Name the unit once: 'MaDinhDanhDV' or 'unitCode', not both.");
        }

        if (identifier is not null && (unit = units.Find(reference, identifier)) is null)
        {
            return Problems.BadRequest(
                $"'MaDinhDanhDV': no unit has the QCVN 102 identifier '{Shorten(identifier)}' (external id qcvn102)."
            );
        }

        if (unitCode is not null && (unit = reference.Units.Find(unitCode)?.Code) is null)
        {
            return Problems.BadRequest($"'unitCode': unit '{Shorten(unitCode)}' does not exist.");
        }

        var request = new SyncBatch(
            service == StatusService,
            [.. data.EnumerateArray()],
            unit,
            source ?? caller.Source
        );
        var (response, problem) = await sync.SyncAsync(request, reference, caller, http, ct).ConfigureAwait(false);
        if (response is null)
        {
            return problem!;
        }

        // Nothing of the request could be taken: a 400 naming every field, as for any bad body.
        return response.Results.Count > 0 && response.Rejected == response.Results.Count
            ? TypedResults.ValidationProblem(
                response
                    .Results.SelectMany(r =>
                        r.Errors.Select(e =>
                            (Key: e.Field.Length == 0 ? $"data[{r.Index}]" : $"data[{r.Index}].{e.Field}", e.Message)
                        )
                    )
                    .GroupBy(e => e.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                title: "No dossier of this request could be taken.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["results"] = response.Results }
            )
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<StatusMappingView>, ProblemHttpResult>> GetMapping(
        [FromQuery] string? source,
        Caller caller,
        StatusMappingStore store,
        CancellationToken ct
    )
    {
        if (source is not null && (!caller.IsAdmin || !Validation.ValidationExtensions.IsCodeText(source)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "Only an admin key may read another source's mapping ('source' must then be a code)."
            );
        }

        var of = source ?? caller.Source;
        var (mapping, stored) = await store.ForAsync(of, ct).ConfigureAwait(false);
        return TypedResults.Ok(View(of, mapping, !stored));
    }

    private static async Task<Results<Ok<UpsertCounts>, ValidationProblem>> PutMapping(
        StatusMappingView request,
        Caller caller,
        StatusMappingStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var (mapping, errors) = StatusMappingRequest.ToMapping(request);
        var source = request.Source ?? caller.Source;
        if (request.Source is not null && !Validation.ValidationExtensions.IsCodeText(request.Source))
        {
            errors["source"] = ["'source' must be a code (letters, digits, '.', '-' or '_')."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The status mapping is not usable.");
        }

        var created = await store.PutAsync(source, mapping!, caller.Stamp(clock), ct).ConfigureAwait(false);
        return TypedResults.Ok(new UpsertCounts(created ? 1 : 0, created ? 0 : 1));
    }

    private static StatusMappingView View(string source, StatusMapping mapping, bool isDefault) =>
        new(
            source,
            isDefault,
            [
                .. mapping
                    .Codes.OrderBy(c => c.Key.Length)
                    .ThenBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new StatusCodeView(c.Key, WireName.Of(c.Value))),
            ]
        );

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
