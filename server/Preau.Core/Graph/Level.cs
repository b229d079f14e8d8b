namespace Preau.Core.Graph;

/// <summary>A level (niveau): 6e, 5e … Terminale. <see cref="Code"/> is short and stable ("6E").</summary>
public sealed record Level(string Code, string Name, int Order);
