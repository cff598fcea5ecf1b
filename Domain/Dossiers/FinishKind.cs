namespace Scorecard.Domain.Dossiers;

/// <summary>Which event finished the dossier (precedence resolved &gt; returned &gt; stopped).</summary>
public enum FinishKind
{
    None,
    Resolved,
    Returned,
    Stopped,
}
