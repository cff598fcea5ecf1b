namespace Scorecard.Domain.Dossiers;

/// <summary>How a dossier was submitted: online [trực tuyến], in person [trực tiếp] or by post [bưu chính].</summary>
public enum Channel
{
    Online,
    Direct,
    Postal,
}
