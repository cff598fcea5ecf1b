using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Ingestion;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Sync;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Seed;
using Scorecard.Infrastructure.Sync;

namespace Scorecard.Api.Sync;

/// <summary>One sync request: snapshots or status updates, the unit the query names (if any), the source.</summary>
internal sealed record SyncBatch(bool StatusUpdates, IReadOnlyList<JsonElement> Items, string? Unit, string Source);

/// <summary>
/// Turns synced dossiers into events and stores them the way <c>POST /api/dossier-events</c> does (<see
/// cref="EventIngestion"/>): each dossier is compared with what is stored of it, its events are checked by the
/// same rules, and a dossier with any error adds nothing.
/// </summary>
internal sealed class DossierSync(
    EventIngestion ingestion,
    UnitIdentifiers identifiers,
    StatusMappingStore mappings,
    SyncedDossiers dossiers,
    TimeProvider clock
)
{
    public async Task<(SyncResponse? Response, ProblemHttpResult? Problem)> SyncAsync(
        SyncBatch batch,
        ReferenceData reference,
        Caller caller,
        HttpContext http,
        CancellationToken ct
    )
    {
        var (mapping, _) = await mappings.ForAsync(batch.Source, ct).ConfigureAwait(false);
        var items = batch.Items.Select(SnapshotRequest.From).ToList();
        var known = await dossiers
            .EventsAsync(batch.Source, items.Where(i => i.Errors.Count == 0).Select(i => i.Code!), ct)
            .ConfigureAwait(false);
        var snapshots = items
            .Select(i =>
                i.Errors.Count > 0 ? null
                : batch.StatusUpdates ? null
                : i.ToSnapshot(
                    mapping,
                    id => identifiers.Find(reference, id),
                    code => reference.Units.Find(code)?.Code,
                    batch.Unit
                )
            )
            .ToList();
        if (
            caller.ScopeUnit is { } scope
            && snapshots
                .Select(s => s?.UnitCode)
                .OfType<string>()
                .Where(u => !reference.Units.IsAncestorOrSelf(scope, u))
                .Distinct(StringComparer.Ordinal)
                .ToList()
                is { Count: > 0 } outside
        )
        {
            return (null, EventIngestion.OutsideScope(outside, scope));
        }

        var derived = new List<(int Snapshot, DerivedEvent Event)>();
        var now = clock.GetUtcNow();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Errors.Count > 0)
            {
                continue;
            }

            var history = known[item.Code!];
            var derivation = batch.StatusUpdates
                ? item.ToStatusUpdate(mapping) is { } update
                    ? SnapshotEvents.FromStatus(item.Code!, update.Status, update.At, history)
                    : null
                : snapshots[i] is { } snapshot
                    ? SnapshotEvents.Derive(snapshot, history, now)
                    : null;
            if (derivation is null)
            {
                continue;
            }

            item.Errors.AddRange(derivation.Problems.Select(p => new FieldError(p.Field, p.Message)));
            history.AddRange(derivation.Events.Select(d => d.Event));
            derived.AddRange(derivation.Events.Select(d => (i, d)));
        }

        var json = derived
            .Select(d => JsonSerializer.SerializeToElement(DossierEventWire.ToJson(d.Event.Event)))
            .ToList();
        var (valid, rejected) = ingestion.Validate(json, reference, caller);
        Reject(rejected, derived, items);
        valid.RemoveAll(e => items[derived[e.Index].Snapshot].Errors.Count > 0);
        var (response, problem) = await ingestion
            .WriteAsync(valid, [], reference, batch.Source == caller.Source ? null : batch.Source, caller, http, ct)
            .ConfigureAwait(false);
        if (response is null)
        {
            return (null, problem);
        }

        Reject(response.Rejected, derived, items);
        var stored = valid.Where(e => !response.Rejected.Any(r => r.Index == e.Index)).ToList();
        return (Answer(batch, items, derived, stored, response.Accepted), null);
    }

    /// <summary>Adds each event's errors to its dossier, named by the national field the event came from.</summary>
    private static void Reject(
        IEnumerable<RejectedEvent> rejected,
        List<(int Snapshot, DerivedEvent Event)> derived,
        List<SnapshotRequest> items
    )
    {
        foreach (var r in rejected)
        {
            var (snapshot, d) = derived[r.Index];
            var type = WireName.Of(d.Event.Type);
            items[snapshot]
                .Errors.AddRange(
                    r.Errors.Select(e => new FieldError(NationalField(e.Field, d), $"{type}: {e.Message}"))
                );
        }
    }

    private static string NationalField(string field, DerivedEvent d) =>
        field switch
        {
            "at" => d.Field,
            "procedureCode" => "MaTTHC",
            "unitCode" => "MaDinhDanhDV",
            "channel" => "KenhThucHien",
            "dueAt" when d.Event.Type == DossierEventType.SupplementCompleted => d.Field.Replace(
                "NgayTiepNhanBoSung",
                "NgayHenTraMoi",
                StringComparison.Ordinal
            ),
            "dueAt" => "NgayHenTra",
            "amount" or "feeAmount" => "DanhSachLePhi",
            _ => "MaHoSo",
        };

    private static SyncResponse Answer(
        SyncBatch batch,
        List<SnapshotRequest> items,
        List<(int Snapshot, DerivedEvent Event)> derived,
        List<IncomingEvent> stored,
        int accepted
    )
    {
        var results = items
            .Select(
                (item, i) =>
                {
                    var events = stored
                        .Where(e => derived[e.Index].Snapshot == i)
                        .Select(e => WireName.Of(e.Event.Type))
                        .ToList();
                    var outcome =
                        item.Errors.Count > 0 ? "rejected"
                        : events.Count > 0 ? "accepted"
                        : "unchanged";
                    return new SnapshotResult(i, item.Code, outcome, events, item.Errors);
                }
            )
            .ToList();
        return new SyncResponse(
            batch.StatusUpdates ? SyncEndpoints.StatusService : SyncEndpoints.SnapshotService,
            results.Count(r => r.Outcome == "accepted"),
            results.Count(r => r.Outcome == "unchanged"),
            results.Count(r => r.Outcome == "rejected"),
            accepted,
            results
        );
    }
}
