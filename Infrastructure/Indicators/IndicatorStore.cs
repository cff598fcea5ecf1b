using System.Data.Common;
using Dapper;
using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>Indicators and their dated band scales; each write is recorded in <see
/// cref="ReferenceDataChanges"/>.</summary>
public sealed class IndicatorStore(DbConnectionFactory db, ReferenceDataChanges changes)
{
    private const string SelectSql = """
        SELECT code AS Code, name AS Name, kind AS Kind, description AS Description, name_en AS NameEn,
            description_en AS DescriptionEn
        FROM indicators ORDER BY code
        """;

    private const string SelectBandsSql = """
        SELECT indicator_code AS IndicatorCode, valid_from AS ValidFrom, min_value AS MinValue, color AS Color
        FROM indicator_bands ORDER BY indicator_code, valid_from, position
        """;

    private const string UpdateSql = """
        UPDATE indicators SET name = @Name, kind = @Kind, description = @Description, name_en = @NameEn,
            description_en = @DescriptionEn, updated_at = @Now
        WHERE code = @Code
        """;

    private const string InsertSql = """
        INSERT INTO indicators (code, name, kind, description, name_en, description_en, updated_at)
        VALUES (@Code, @Name, @Kind, @Description, @NameEn, @DescriptionEn, @Now)
        """;

    private const string DeleteScaleSql =
        "DELETE FROM indicator_bands WHERE indicator_code = @Code AND valid_from = @ValidFrom";

    private const string InsertBandSql = """
        INSERT INTO indicator_bands (indicator_code, valid_from, position, min_value, color)
        VALUES (@Code, @ValidFrom, @Position, @Min, @Color)
        """;

    public async Task<IReadOnlyList<IndicatorDefinition>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        return await LoadAsync(connection, null, ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<IndicatorDefinition>> LoadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        CancellationToken ct
    )
    {
        var rows = await connection
            .QueryAsync<IndicatorRow>(new CommandDefinition(SelectSql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        var bands = (
            await connection
                .QueryAsync<BandRow>(
                    new CommandDefinition(SelectBandsSql, transaction: transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false)
        ).ToLookup(b => b.IndicatorCode, StringComparer.Ordinal);
        return
        [
            .. rows.Select(r => new IndicatorDefinition(
                r.Code,
                r.Name,
                WireName.Parse<IndicatorKind>(r.Kind),
                r.Description,
                [
                    .. bands[r.Code]
                        .GroupBy(b => b.ValidFrom)
                        .Select(g => new BandScale(g.Key, [.. g.Select(b => new Band((decimal)b.MinValue, b.Color))])),
                ],
                r.NameEn,
                r.DescriptionEn
            )),
        ];
    }

    /// <summary>Upserts indicators by code; the band scales given with each replace those of the same date.</summary>
    public async Task<UpsertOutcome> UpsertAsync(
        IReadOnlyList<IndicatorDefinition> indicators,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var before = (await LoadAsync(connection, transaction, ct).ConfigureAwait(false)).ToDictionary(
            i => i.Code,
            StringComparer.Ordinal
        );
        foreach (var indicator in indicators)
        {
            var row = new
            {
                indicator.Code,
                indicator.Name,
                Kind = WireName.Of(indicator.Kind),
                indicator.Description,
                indicator.NameEn,
                indicator.DescriptionEn,
                Now = stamp.At,
            };
            await connection
                .ExecuteAsync(
                    new CommandDefinition(
                        before.ContainsKey(indicator.Code) ? UpdateSql : InsertSql,
                        row,
                        transaction,
                        cancellationToken: ct
                    )
                )
                .ConfigureAwait(false);
            foreach (var scale in indicator.Bands)
            {
                await ReplaceScaleAsync(connection, transaction, indicator.Code, scale, ct).ConfigureAwait(false);
            }
        }

        var after = await LoadAsync(connection, transaction, ct).ConfigureAwait(false);
        var touched = indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                after
                    .Where(i => touched.Contains(i.Code))
                    .Select(i => new AuditChange(
                        AuditEntities.Indicator,
                        i.Code,
                        null,
                        before.GetValueOrDefault(i.Code),
                        i
                    )),
                ct
            )
            .ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
        var created = touched.Count(c => !before.ContainsKey(c));
        return new UpsertOutcome(created, touched.Count - created, []);
    }

    /// <summary>Inserts the indicators that do not exist yet and brings stored shipped ones up to date (<see
    /// cref="Upgraded"/>); existing ones keep any other edit made to them.</summary>
    public async Task EnsureAsync(IReadOnlyList<IndicatorDefinition> defaults, AuditStamp stamp, CancellationToken ct)
    {
        var existing = (await ListAsync(ct).ConfigureAwait(false)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var missing = defaults.Where(d => !existing.ContainsKey(d.Code)).ToList();
        var upgraded = defaults
            .Where(d => existing.TryGetValue(d.Code, out var stored) && stored.Kind == d.Kind)
            .Select(d => (Stored: existing[d.Code], Upgraded: Upgraded(existing[d.Code], d)))
            .Where(p =>
                (p.Upgraded.Name, p.Upgraded.Description, p.Upgraded.NameEn, p.Upgraded.DescriptionEn)
                != (p.Stored.Name, p.Stored.Description, p.Stored.NameEn, p.Stored.DescriptionEn)
            )
            .Select(p => p.Upgraded)
            .ToList();
        if (missing.Count + upgraded.Count > 0)
        {
            await UpsertAsync([.. missing, .. upgraded], stamp, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A shipped indicator as stored, with what it lacked: its former default name (Vietnamese with English in
    /// brackets) becomes the Vietnamese one; a missing description, or the former English one, becomes the
    /// Vietnamese description; the English name and description are added where the Vietnamese ones are the
    /// shipped ones. A name or description a province set stays, and its English stays empty (English answers show
    /// the province's own). Bands are not part of it (empty: none replaced).
    /// </summary>
    internal static IndicatorDefinition Upgraded(IndicatorDefinition stored, IndicatorDefinition shipped)
    {
        var name =
            IndicatorDefaults.FormerNames.GetValueOrDefault(shipped.Code) == stored.Name ? shipped.Name : stored.Name;
        var description =
            stored.Description is null || stored.Description == shipped.DescriptionEn
                ? shipped.Description
                : stored.Description;
        return stored with
        {
            Name = name,
            Description = description,
            NameEn = stored.NameEn ?? (name == shipped.Name ? shipped.NameEn : null),
            DescriptionEn = stored.DescriptionEn ?? (description == shipped.Description ? shipped.DescriptionEn : null),
            Bands = [],
        };
    }

    /// <summary>Stores one dated scale for an existing indicator; false when the indicator is unknown.</summary>
    private const string CountCodeSql = "SELECT COUNT(*) FROM indicators WHERE code = @Code";

    public async Task<bool> PutBandsAsync(string code, BandScale scale, AuditStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scale);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var exists = await connection
            .ExecuteScalarAsync<int>(
                new CommandDefinition(CountCodeSql, new { Code = code }, transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        if (exists == 0)
        {
            return false;
        }

        var before = (await LoadAsync(connection, transaction, ct).ConfigureAwait(false))
            .Single(i => i.Code == code)
            .Bands.FirstOrDefault(b => b.ValidFrom == scale.ValidFrom);
        await ReplaceScaleAsync(connection, transaction, code, scale, ct).ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(
                    AuditEntities.IndicatorBands,
                    $"{code}/{DapperTypeHandlers.FormatDate(scale.ValidFrom)}",
                    null,
                    before,
                    scale
                ),
                ct
            )
            .ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
        return true;
    }

    private static async Task ReplaceScaleAsync(
        DbConnection connection,
        DbTransaction transaction,
        string code,
        BandScale scale,
        CancellationToken ct
    )
    {
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    DeleteScaleSql,
                    new { Code = code, scale.ValidFrom },
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    InsertBandSql,
                    scale.Bands.Select(
                        (b, i) =>
                            new
                            {
                                Code = code,
                                scale.ValidFrom,
                                Position = i,
                                Min = (double)b.Min,
                                b.Color,
                            }
                    ),
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
    }

    private sealed class IndicatorRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Description { get; init; }
        public string? NameEn { get; init; }
        public string? DescriptionEn { get; init; }
    }

    private sealed class BandRow
    {
        public string IndicatorCode { get; init; } = "";
        public DateOnly ValidFrom { get; init; }
        public double MinValue { get; init; }
        public string Color { get; init; } = "";
    }
}
