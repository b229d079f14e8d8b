namespace Preau.Plugins.Directory.Model;

/// <summary>A class (SIECLE DIVISION) or group (SIECLE GROUPE).</summary>
/// <param name="Code">CODE_STRUCTURE, unique in the school and distinct once folded (list addresses).</param>
/// <param name="Name">LIBELLE_LONG, or the code.</param>
/// <param name="Type">Class or group.</param>
/// <param name="LevelCode">The level of a class (from its MEF); of a group, when its classes agree.</param>
/// <param name="ClassCodes">For a group, its DIVISIONS_APPARTENANCE, in code order; empty for a class.</param>
/// <param name="MefCodes">For a class, its MEFS_APPARTENANCE, in code order; empty for a group.</param>
public sealed record ImportedStructure(
    string Code,
    string Name,
    StructureType Type,
    string? LevelCode,
    IReadOnlyList<string> ClassCodes,
    IReadOnlyList<string> MefCodes);
