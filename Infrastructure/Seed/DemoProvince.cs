using Scorecard.Domain.Procedures;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>A generated province: its units (province, agencies, districts, communes) and procedures.</summary>
public sealed record DemoProvince(IReadOnlyList<Unit> Units, IReadOnlyList<Procedure> Procedures);
