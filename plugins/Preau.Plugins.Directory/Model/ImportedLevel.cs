namespace Preau.Plugins.Directory.Model;

/// <summary>A level (niveau) derived from the MEFs of the classes: <c>6E</c> "6e" … <c>TLE</c> "Terminale".</summary>
/// <param name="Code">Short stable code.</param>
/// <param name="Name">Label.</param>
/// <param name="Order">Sort order: 6e 1 … Terminale 7; other formations after, by MEF code.</param>
public sealed record ImportedLevel(string Code, string Name, int Order);
