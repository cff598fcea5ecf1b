using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Publications;

/// <summary>
/// Published figures (README "Published figures"): each publication keeps every figure of a subtree for a period as it
/// was when an admin closed it. Publications are only added, never edited; a newer one of the same period covering a
/// unit supersedes the older for that unit.
/// </summary>
public sealed class PublicationStore(DbConnectionFactory db)
{
    private const string Columns = """
        id AS Id, unit_code AS UnitCode, period_code AS PeriodCode, published_at AS PublishedAt,
        published_by AS PublishedBy, note AS Note, supersedes AS Supersedes, definition AS Definition
        """;

    private const string SelectOfPeriodSql =
        $"SELECT {Columns} FROM publications WHERE period_code = @PeriodCode ORDER BY id";

    private const string SelectAllSql = $"SELECT {Columns} FROM publications ORDER BY id";

    private const string SelectFiguresSql = """
        SELECT unit_code AS UnitCode, part AS Part, indicator AS Indicator, numerator AS Numerator,
               denominator AS Denominator, band AS Band
        FROM publication_figures WHERE publication_id = @PublicationId AND part = @Part
        """;

    private const string SelectIndicatorFiguresSql = """
        SELECT unit_code AS UnitCode, part AS Part, indicator AS Indicator, numerator AS Numerator,
               denominator AS Denominator, band AS Band
        FROM publication_figures WHERE publication_id = @PublicationId AND part = @Part AND indicator = @Indicator
        """;

    private const string SelectUnitFiguresSql = """
        SELECT unit_code AS UnitCode, part AS Part, indicator AS Indicator, numerator AS Numerator,
               denominator AS Denominator, band AS Band
        FROM publication_figures WHERE publication_id = @PublicationId AND unit_code = @UnitCode
        """;

    private const string NextIdSql = "SELECT COALESCE(MAX(id), 0) + 1 FROM publications";

    private const string InsertSql = """
        INSERT INTO publications (id, unit_code, period_code, published_at, published_by, note, supersedes, definition)
        VALUES (@Id, @UnitCode, @PeriodCode, @PublishedAt, @PublishedBy, @Note, @Supersedes, @Definition)
        """;

    private const string InsertFigureSql = """
        INSERT INTO publication_figures (publication_id, unit_code, part, indicator, numerator, denominator, band)
        VALUES (@PublicationId, @UnitCode, @Part, @Indicator, @Numerator, @Denominator, @Band)
        """;

    /// <summary>The part of a unit's figures over its whole subtree.</summary>
    public const string Subtree = "subtree";

    /// <summary>The part of a unit's figures over its own dossiers.</summary>
    public const string Self = "self";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The publications of a period, oldest first.</summary>
    public async Task<IReadOnlyList<Publication>> OfPeriodAsync(string periodCode, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<Row>(
                new CommandDefinition(SelectOfPeriodSql, new { PeriodCode = periodCode }, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return [.. rows.Select(Read)];
    }

    /// <summary>Every publication, oldest first.</summary>
    public async Task<IReadOnlyList<Publication>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<Row>(new CommandDefinition(SelectAllSql, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. rows.Select(Read)];
    }

    /// <summary>The figures a publication kept for one part (<see cref="Subtree"/>, <see cref="Self"/> or a level),
    /// of every indicator or of one.</summary>
    public Task<IReadOnlyList<PublishedFigure>> FiguresAsync(
        int publicationId,
        string part,
        string? indicator,
        CancellationToken ct
    ) =>
        ReadFiguresAsync(
            indicator is null ? SelectFiguresSql : SelectIndicatorFiguresSql,
            new
            {
                PublicationId = publicationId,
                Part = part,
                Indicator = indicator,
            },
            ct
        );

    /// <summary>Every part of one unit's kept figures.</summary>
    public Task<IReadOnlyList<PublishedFigure>> FiguresOfUnitAsync(
        int publicationId,
        string unitCode,
        CancellationToken ct
    ) => ReadFiguresAsync(SelectUnitFiguresSql, new { PublicationId = publicationId, UnitCode = unitCode }, ct);

    private async Task<IReadOnlyList<PublishedFigure>> ReadFiguresAsync(
        string sql,
        object parameters,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<FigureRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new PublishedFigure(
                r.UnitCode,
                r.Part,
                r.Indicator,
                r.Numerator is { } n && r.Denominator is { } d ? new Ratio(n, d) : null,
                r.Band
            )),
        ];
    }

    /// <summary>Stores a publication with its figures in one transaction, audited; it supersedes <paramref
    /// name="supersedes"/> (the latest publication of the period that covered its unit).</summary>
    public async Task<Publication> AddAsync(
        string unitCode,
        string periodCode,
        string? note,
        int? supersedes,
        IndexDefinition definition,
        IReadOnlyCollection<PublishedFigure> figures,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var id = await connection
            .ExecuteScalarAsync<int>(new CommandDefinition(NextIdSql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        var publication = new Publication(
            id,
            unitCode,
            periodCode,
            stamp.At,
            stamp.KeyName,
            note,
            supersedes,
            definition
        );
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        UnitCode = unitCode,
                        PeriodCode = periodCode,
                        PublishedAt = stamp.At,
                        PublishedBy = stamp.KeyName,
                        Note = note,
                        Supersedes = supersedes,
                        Definition = JsonSerializer.Serialize(definition, Json),
                    },
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    InsertFigureSql,
                    figures.Select(f => new
                    {
                        PublicationId = id,
                        f.UnitCode,
                        f.Part,
                        f.Indicator,
                        Numerator = f.Ratio?.Numerator,
                        Denominator = f.Ratio?.Denominator,
                        f.Band,
                    }),
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(
                    AuditEntities.Publication,
                    id.ToString(CultureInfo.InvariantCulture),
                    unitCode,
                    null,
                    new
                    {
                        publication.Id,
                        publication.UnitCode,
                        publication.PeriodCode,
                        publication.Note,
                        publication.Supersedes,
                        Figures = figures.Count,
                    }
                ),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return publication;
    }

    private static Publication Read(Row row) =>
        new(
            row.Id,
            row.UnitCode,
            row.PeriodCode,
            row.PublishedAt,
            row.PublishedBy,
            row.Note,
            row.Supersedes,
            JsonSerializer.Deserialize<IndexDefinition>(row.Definition, Json)!
        );

    private sealed class Row
    {
        public int Id { get; init; }
        public string UnitCode { get; init; } = "";
        public string PeriodCode { get; init; } = "";
        public DateTimeOffset PublishedAt { get; init; }
        public string PublishedBy { get; init; } = "";
        public string? Note { get; init; }
        public int? Supersedes { get; init; }
        public string Definition { get; init; } = "";
    }

    private sealed class FigureRow
    {
        public string UnitCode { get; init; } = "";
        public string Part { get; init; } = "";
        public string Indicator { get; init; } = "";
        public long? Numerator { get; init; }
        public long? Denominator { get; init; }
        public string Band { get; init; } = "";
    }
}

/// <summary>A closed period of a subtree: who published it when, the index definition it was scored by, and the
/// publication it superseded.</summary>
public sealed record Publication(
    int Id,
    string UnitCode,
    string PeriodCode,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    string? Note,
    int? Supersedes,
    IndexDefinition Definition
)
{
    /// <summary>The latest of <paramref name="publications"/> whose subtree holds <paramref name="unitCode"/>, or
    /// null.</summary>
    public static Publication? Covering(
        IReadOnlyList<Publication> publications,
        string unitCode,
        Func<string, string, bool> isAncestorOrSelf
    )
    {
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(isAncestorOrSelf);
        return publications.LastOrDefault(p => isAncestorOrSelf(p.UnitCode, unitCode));
    }
}

/// <summary>One kept figure: a unit's ratio (null without data) and band for an indicator, in one part.</summary>
public sealed record PublishedFigure(string UnitCode, string Part, string Indicator, Ratio? Ratio, string Band);
