namespace Scorecard.Domain.Indicators;

/// <summary>Built-in indicators are computed from dossiers and procedures; reported ones are fed by admins.</summary>
public enum IndicatorKind
{
    BuiltIn,
    Reported,
}
