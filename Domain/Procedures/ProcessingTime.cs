namespace Scorecard.Domain.Procedures;

/// <summary>The statutory processing time of a procedure, e.g. 3 working days.</summary>
public readonly record struct ProcessingTime(int Value, ProcessingTimeUnit Unit);
