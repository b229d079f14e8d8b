namespace Preau.Core.Graph;

/// <summary>A school, identified by its UAI (e.g. 0519999Z).</summary>
public sealed record Establishment(string Uai, string Name);
