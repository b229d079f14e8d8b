namespace Preau.Core.Graph;

/// <summary>A rubrique (a named community such as "Club théâtre"). With its diffusion list on,
/// members may write to each other and to the list address <c>rubrique.&lt;id&gt;@domain</c>.</summary>
public sealed record Rubrique(string Id, string Name, bool DiffusionList);
