using System.Data.Common;
using Dapper;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Units;

/// <summary>Units, their successors and external ids, and the closure table kept in step with them; each write is
/// recorded in <see cref="ReferenceDataChanges"/>.</summary>
public sealed class UnitStore(DbConnectionFactory db, ReferenceDataChanges changes)
{
    private const string SelectUnitsSql = $"""
        SELECT id AS {nameof(UnitRow.Id)}, code AS {nameof(UnitRow.Code)}, name AS {nameof(UnitRow.Name)},
               level AS {nameof(UnitRow.Level)}, kind AS {nameof(UnitRow.Kind)}, parent_code AS {nameof(
            UnitRow.ParentCode
        )},
               valid_from AS {nameof(UnitRow.ValidFrom)}, valid_to AS {nameof(UnitRow.ValidTo)}
        FROM units
        ORDER BY code
        """;

    private const string SelectSuccessorsSql =
        "SELECT unit_code AS UnitCode, successor_code AS SuccessorCode, is_primary AS IsPrimary FROM "
        + "unit_successors ORDER BY unit_code, successor_code";

    private const string SelectExternalIdsSql =
        "SELECT unit_code AS UnitCode, system AS System, external_id AS ExternalId FROM unit_external_ids";

    /// <summary>
    /// Upserts <paramref name="incoming"/> by code in one transaction, refusing the whole batch when
    /// a parent is unknown or a cycle would form; rebuilds the closure table.
    /// </summary>
    public async Task<UpsertOutcome> UpsertAsync(IReadOnlyList<Unit> incoming, AuditStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var existing = await LoadAsync(connection, transaction, ct).ConfigureAwait(false);
        var tree = UnitTree.TryMerge(existing, incoming, out var errors);
        if (tree is null)
        {
            return UpsertOutcome.Refused(errors.Select(e => new UpsertError(e.Code, e.Message)));
        }

        var known = existing.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var changed = incoming.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var ordered = tree.TopDown.Where(u => changed.Contains(u.Code)).ToList();
        var writes = new UnitWrites(connection, transaction, stamp.At, ct);
        foreach (var unit in ordered)
        {
            await writes.SaveAsync(unit, known.ContainsKey(unit.Code)).ConfigureAwait(false);
        }

        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                ordered.Select(u => new AuditChange(
                    AuditEntities.Unit,
                    u.Code,
                    u.Code,
                    known.TryGetValue(u.Code, out var before) ? Comparable(before) : null,
                    Comparable(u)
                )),
                ct
            )
            .ConfigureAwait(false);

        // A unit moved or relevelled changes which ancestors count its procedures: the reach is summed anew.
        var reshaped = ordered.Any(u =>
            known.TryGetValue(u.Code, out var before) && (before.ParentCode != u.ParentCode || before.Level != u.Level)
        );
        await writes.RebuildClosureAsync(tree, reshaped).ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
        var created = ordered.Count(u => !known.ContainsKey(u.Code));
        return new UpsertOutcome(created, ordered.Count - created, []);
    }

    /// <summary>The unit with its successors and external ids in one order, however they were given.</summary>
    private static Unit Comparable(Unit unit) =>
        unit with
        {
            SuccessorCodes = [.. unit.SuccessorCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            ExternalIds = new SortedDictionary<string, string>(
                unit.ExternalIds.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
                StringComparer.Ordinal
            ),
        };

    internal static async Task<IReadOnlyList<Unit>> LoadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        CancellationToken ct
    )
    {
        var rows = await connection
            .QueryAsync<UnitRow>(new CommandDefinition(SelectUnitsSql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        var successorRows = (
            await connection
                .QueryAsync<(string UnitCode, string SuccessorCode, bool IsPrimary)>(
                    new CommandDefinition(SelectSuccessorsSql, transaction: transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false)
        ).ToList();
        var successors = successorRows.ToLookup(s => s.UnitCode, s => s.SuccessorCode, StringComparer.Ordinal);
        var primaries = successorRows
            .Where(s => s.IsPrimary)
            .ToDictionary(s => s.UnitCode, s => s.SuccessorCode, StringComparer.Ordinal);
        var externalIds = (
            await connection
                .QueryAsync<(string UnitCode, string System, string ExternalId)>(
                    new CommandDefinition(SelectExternalIdsSql, transaction: transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false)
        ).ToLookup(e => e.UnitCode, StringComparer.Ordinal);
        return
        [
            .. rows.Select(r => new Unit(
                r.Code,
                r.Name,
                WireName.Parse<UnitLevel>(r.Level),
                WireName.Parse<UnitKind>(r.Kind),
                r.ParentCode,
                r.ValidFrom,
                r.ValidTo,
                [.. successors[r.Code]],
                externalIds[r.Code].ToDictionary(e => e.System, e => e.ExternalId, StringComparer.Ordinal)
            )
            {
                PrimarySuccessor = primaries.GetValueOrDefault(r.Code),
            }),
        ];
    }
}
