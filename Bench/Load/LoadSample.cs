namespace Scorecard.Bench.Load;

/// <summary>One answer under load: the kind of client that asked, its status, its time, and whether its body mentions a
/// locked database.</summary>
internal readonly record struct LoadSample(string Kind, int Status, double Ms, bool Locked);
