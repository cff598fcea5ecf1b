using System.Globalization;

namespace Scorecard.Domain.Bands;

/// <summary>
/// Bands in force from <paramref name="ValidFrom"/>, ordered from the top band down by strictly
/// descending <see cref="Band.Min"/>.
/// </summary>
public sealed record BandScale(DateOnly ValidFrom, IReadOnlyList<Band> Bands)
{
    /// <returns>Problems with the scale; empty when it is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Bands is null || Bands.Count == 0)
        {
            errors.Add("A band scale needs at least one band.");
            return errors;
        }

        for (var i = 0; i < Bands.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Bands[i].Color))
            {
                errors.Add(
                    string.Create(CultureInfo.InvariantCulture, $"Band {i + 1} (min {Bands[i].Min}) has no colour.")
                );
            }

            if (i > 0 && Bands[i].Min >= Bands[i - 1].Min)
            {
                errors.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Band {i + 1} (min {Bands[i].Min}) must have a lower min than band {i} (min "
                            + $"{Bands[i - 1].Min}): list bands from the top down."
                    )
                );
            }
        }

        return errors;
    }

    /// <summary>
    /// The first band whose min the value reaches. A value below every bound takes the last band's
    /// colour when that band starts at 0 or lower (the "else" band), otherwise <see cref="BandColors.None"/>.
    /// </summary>
    public string ColorFor(decimal? value)
    {
        if (value is not { } v || Bands.Count == 0)
        {
            return BandColors.None;
        }

        foreach (var band in Bands)
        {
            if (v >= band.Min)
            {
                return band.Color;
            }
        }

        return Bands[^1].Min <= 0 ? Bands[^1].Color : BandColors.None;
    }
}
