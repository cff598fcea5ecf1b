using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Scorecard.BenchPeer;

/// <summary>A row of <c>dossiers</c>, with the unit and procedure it points to.</summary>
public sealed class DossierRow
{
    public required string Code { get; init; }

    public long ProcedureId { get; init; }

    public ProcedureRow Procedure { get; init; } = null!;

    public long UnitId { get; init; }

    public UnitRow Unit { get; init; } = null!;

    public required string Channel { get; init; }

    public required string Status { get; init; }

    public string? Timeliness { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    public int SupplementCount { get; init; }

    public bool FeeRequired { get; init; }

    public bool PaidOnline { get; init; }

    public long AmountPaid { get; init; }

    public bool Digitised { get; init; }

    public bool ElectronicResult { get; init; }

    public bool PopulationDbUsed { get; init; }
}

/// <summary>The id and code of a unit (<c>units</c>).</summary>
public sealed class UnitRow
{
    public long Id { get; init; }

    public required string Code { get; init; }
}

/// <summary>The id and code of a procedure (<c>procedures</c>).</summary>
public sealed class ProcedureRow
{
    public long Id { get; init; }

    public required string Code { get; init; }
}

/// <summary>
/// The tables the peer reads, mapped onto the service's SQLite schema (Infrastructure/Migrations/Sqlite).
/// Only the columns the entity set exposes are mapped; the peer never writes.
/// </summary>
public sealed class PeerDbContext(DbContextOptions<PeerDbContext> options) : DbContext(options)
{
    public DbSet<DossierRow> Dossiers => Set<DossierRow>();

    /// <summary>The entity set as OData serves it: one row per dossier with the unit and procedure codes joined
    /// in.</summary>
    public IQueryable<Dossier> DossierView =>
        Dossiers.Select(d => new Dossier
        {
            Code = d.Code,
            ProcedureCode = d.Procedure.Code,
            UnitCode = d.Unit.Code,
            Channel = d.Channel,
            Status = d.Status,
            Timeliness = d.Timeliness,
            ReceivedAt = d.ReceivedAt,
            DueAt = d.DueAt,
            FinishedAt = d.FinishedAt,
            ReturnedAt = d.ReturnedAt,
            SupplementCount = d.SupplementCount,
            FeeRequired = d.FeeRequired,
            PaidOnline = d.PaidOnline,
            AmountPaid = d.AmountPaid,
            Digitised = d.Digitised,
            ElectronicResult = d.ElectronicResult,
            PopulationDbUsed = d.PopulationDbUsed,
        });

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InstantTextConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UnitRow>(e =>
        {
            e.ToTable("units");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasColumnName("id");
            e.Property(u => u.Code).HasColumnName("code");
        });

        modelBuilder.Entity<ProcedureRow>(e =>
        {
            e.ToTable("procedures");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.Code).HasColumnName("code");
        });

        modelBuilder.Entity<DossierRow>(e =>
        {
            e.ToTable("dossiers");
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasColumnName("code");
            e.Property(d => d.ProcedureId).HasColumnName("procedure_id");
            e.Property(d => d.UnitId).HasColumnName("unit_id");
            e.Property(d => d.Channel).HasColumnName("channel");
            e.Property(d => d.Status).HasColumnName("status");
            e.Property(d => d.Timeliness).HasColumnName("timeliness");
            e.Property(d => d.ReceivedAt).HasColumnName("received_at");
            e.Property(d => d.DueAt).HasColumnName("due_at");
            e.Property(d => d.FinishedAt).HasColumnName("finished_at");
            e.Property(d => d.ReturnedAt).HasColumnName("returned_at");
            e.Property(d => d.SupplementCount).HasColumnName("supplement_count");
            e.Property(d => d.FeeRequired).HasColumnName("fee_required");
            e.Property(d => d.PaidOnline).HasColumnName("paid_online");
            e.Property(d => d.AmountPaid).HasColumnName("amount_paid");
            e.Property(d => d.Digitised).HasColumnName("digitised");
            e.Property(d => d.ElectronicResult).HasColumnName("electronic_result");
            e.Property(d => d.PopulationDbUsed).HasColumnName("population_db_used");
            e.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).IsRequired();
            e.HasOne(d => d.Procedure).WithMany().HasForeignKey(d => d.ProcedureId).IsRequired();
        });
    }

    /// <summary>
    /// Instants as the schema stores them (UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffZ', which sorts as it
    /// compares), so that a range predicate on an instant is a text comparison on the column in SQL.
    /// The provider's own DateTimeOffset text format differs, and it refuses to compare or order by it.
    /// </summary>
    private sealed class InstantTextConverter()
        : ValueConverter<DateTimeOffset, string>(
            value => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
            text =>
                DateTimeOffset.ParseExact(
                    text,
                    InstantFormat,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
                )
        )
    {
        private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    }
}
