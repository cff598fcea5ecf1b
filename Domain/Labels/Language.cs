namespace Scorecard.Domain.Labels;

/// <summary>The languages labels are given in; wire names <c>vi</c> and <c>en</c>. Vietnamese is the default.</summary>
public enum Language
{
    Vi,
    En,
}
