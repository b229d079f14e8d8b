namespace Preau.Core.Graph;

/// <summary>A subject (matière), e.g. code "030201", short label "ANGLAIS LV1".</summary>
public sealed record Subject(string Code, string Name);
