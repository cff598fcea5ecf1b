using Dapper;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Reports;

/// <summary>Targets by (unit, indicator, period, level they apply to); a general target has a level, a specific one has
/// none.</summary>
public sealed class TargetStore(DbConnectionFactory db)
{
    private const string SelectSql = """
        SELECT id AS Id, unit_code AS UnitCode, indicator_code AS Indicator, period_code AS Period, target AS Target,
            baseline AS Baseline,
               assigned_by AS AssignedBy, reference AS Reference, applies_to_level AS AppliesToLevel
        FROM targets
        """;

    private const string ListSql = $"{SelectSql} ORDER BY id";

    private const string ListForPeriodSql = $"{SelectSql} WHERE period_code = @Period ORDER BY id";

    private const string UpdateSql = """
        UPDATE targets SET target = @Target, baseline = @Baseline, assigned_by = @AssignedBy, reference = @Reference,
            updated_at = @Now
        WHERE unit_code = @UnitCode AND indicator_code = @Indicator AND period_code = @Period
            AND applies_to_level = @AppliesToLevel
        """;

    private const string InsertSql = """
        INSERT INTO targets (unit_code, indicator_code, period_code, applies_to_level, target, baseline, assigned_by,
            reference, updated_at)
        VALUES (@UnitCode, @Indicator, @Period, @AppliesToLevel, @Target, @Baseline, @AssignedBy, @Reference, @Now)
        """;

    public async Task<IReadOnlyList<(long Id, TargetAssignment Target)>> ListAsync(
        string? periodCode,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var sql = periodCode is null ? ListSql : ListForPeriodSql;
        var rows = await connection
            .QueryAsync<TargetRow>(new CommandDefinition(sql, new { Period = periodCode }, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, r.ToAssignment()))];
    }

    /// <summary>
    /// Upserts the targets in one transaction after checking, against the targets stored in that
    /// same transaction, that the writer limited to <paramref name="scope"/> (null: province-wide)
    /// may write them and that they keep the cascade and assigner rules; refuses the whole batch otherwise.
    /// </summary>
    public async Task<TargetWrite> UpsertAsync(
        IReadOnlyList<TargetAssignment> incoming,
        IUnitHierarchy units,
        string? scope,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var stored = (
            await connection
                .QueryAsync<TargetRow>(
                    new CommandDefinition(SelectSql, transaction: transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false)
        )
            .Select(r => r.ToAssignment())
            .ToList();
        var forbidden = TargetAuthority.Refusals(incoming, stored, scope, units);
        if (forbidden.Count > 0)
        {
            return TargetWrite.Refused(forbidden, []);
        }

        var merged = stored.ToDictionary(Slot);
        foreach (var target in incoming)
        {
            merged[Slot(target)] = target;
        }

        var errors = TargetRules.Validate(merged.Values, units);
        if (errors.Count > 0)
        {
            return TargetWrite.Refused([], errors);
        }

        var before = stored.ToDictionary(Slot);
        var existing = before.Keys.ToHashSet();
        foreach (var target in incoming)
        {
            var row = new
            {
                target.UnitCode,
                target.Indicator,
                Period = target.Period.Code,
                AppliesToLevel = target.AppliesToLevel is { } level ? WireName.Of(level) : "",
                Target = (double)target.Target,
                Baseline = (double?)target.Baseline,
                target.AssignedBy,
                target.Reference,
                Now = stamp.At,
            };
            await connection
                .ExecuteAsync(
                    new CommandDefinition(
                        existing.Contains(Slot(target)) ? UpdateSql : InsertSql,
                        row,
                        transaction,
                        cancellationToken: ct
                    )
                )
                .ConfigureAwait(false);
        }

        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                incoming.Select(t => new AuditChange(
                    AuditEntities.Target,
                    KeyOf(t),
                    t.UnitCode,
                    before.TryGetValue(Slot(t), out var old) ? Audited(old) : null,
                    Audited(t)
                )),
                ct
            )
            .ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        var created = incoming.Count(t => !existing.Contains(Slot(t)));
        return TargetWrite.Stored(created, incoming.Count - created);
    }

    /// <summary>A target's key as the feed shows it: unit/indicator/period, plus /level for a general one.</summary>
    private static string KeyOf(TargetAssignment t) =>
        $"{t.UnitCode}/{t.Indicator}/{t.Period.Code}" + (t.AppliesToLevel is { } level ? "/" + WireName.Of(level) : "");

    /// <summary>A target as the API writes it.</summary>
    private static object Audited(TargetAssignment t) =>
        new
        {
            t.UnitCode,
            t.Indicator,
            Period = t.Period.Code,
            t.Target,
            t.Baseline,
            t.AssignedBy,
            t.Reference,
            AppliesToLevel = t.AppliesToLevel is { } level ? WireName.Of(level) : null,
        };

    private static (string, string, string, UnitLevel?) Slot(TargetAssignment t) =>
        (t.UnitCode, t.Indicator, t.Period.Code, t.AppliesToLevel);

    private sealed class TargetRow
    {
        public long Id { get; init; }
        public string UnitCode { get; init; } = "";
        public string Indicator { get; init; } = "";
        public string Period { get; init; } = "";
        public double Target { get; init; }
        public double? Baseline { get; init; }
        public string AssignedBy { get; init; } = "";
        public string? Reference { get; init; }
        public string AppliesToLevel { get; init; } = "";

        public TargetAssignment ToAssignment() =>
            new(
                UnitCode,
                Indicator,
                Domain.Periods.Period.Parse(Period),
                (decimal)Target,
                (decimal?)Baseline,
                AssignedBy,
                Reference,
                AppliesToLevel.Length == 0 ? null : WireName.Parse<UnitLevel>(AppliesToLevel)
            );
    }
}
