namespace Preau.Plugins.Graph;

/// <summary>A school, identified by its UAI.</summary>
/// <param name="Uai">The UAI, e.g. "0519999Z".</param>
/// <param name="Name">Its name.</param>
public sealed record EstablishmentRecord(string Uai, string Name);

/// <summary>A level (niveau), e.g. code "6E", name "6e", order 1.</summary>
/// <param name="Code">Short stable code.</param>
/// <param name="Name">Label.</param>
/// <param name="Order">Sort order, youngest first.</param>
public sealed record LevelRecord(string Code, string Name, int Order);

/// <summary>Whether a structure is a class (division) or a group.</summary>
public enum StructureType
{
    /// <summary>A division: every pupil is in exactly one.</summary>
    Class,

    /// <summary>A group (language, option, half-class), possibly across classes.</summary>
    Group,
}

/// <summary>A class or a group.</summary>
/// <param name="Code">The SIECLE/STS code, unique in the establishment ("6A", "6A-ANG1").</param>
/// <param name="Name">Long label.</param>
/// <param name="Type">Class or group.</param>
/// <param name="LevelCode">The level, if known.</param>
/// <param name="ClassCodes">For a group, the classes it draws pupils from.</param>
public sealed record StructureRecord(string Code, string Name, StructureType Type, string? LevelCode, IReadOnlyList<string> ClassCodes);

/// <summary>A subject (matière).</summary>
/// <param name="Code">Code, e.g. "030201".</param>
/// <param name="Name">Label, e.g. "ANGLAIS LV1".</param>
public sealed record SubjectRecord(string Code, string Name);

/// <summary>A rubrique (a named community). With its diffusion list on, members may write to each
/// other and to <c>rubrique.&lt;id&gt;@domain</c>.</summary>
/// <param name="Id">Identifier, also the list key.</param>
/// <param name="Name">Label.</param>
/// <param name="DiffusionList">Whether the diffusion list is on.</param>
public sealed record RubriqueRecord(string Id, string Name, bool DiffusionList);
