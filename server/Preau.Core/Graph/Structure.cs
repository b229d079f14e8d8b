namespace Preau.Core.Graph;

/// <summary>Whether a structure is a class (division) or a group.</summary>
public enum StructureKind
{
    /// <summary>A division: every pupil is in exactly one.</summary>
    Class,

    /// <summary>A group (language, option, half-class), possibly across classes.</summary>
    Group,
}

/// <summary>A class or a group, the unit that pupils belong to and that teachers teach.</summary>
/// <param name="Code">The SIECLE/STS code, e.g. "6A" or "6A-ANG1"; unique in the establishment.</param>
/// <param name="Name">Long label.</param>
/// <param name="Kind">Class or group.</param>
/// <param name="LevelCode">The level of a class; for a group, of its classes when they agree.</param>
/// <param name="ClassCodes">For a group, the classes it draws pupils from.</param>
public sealed record Structure(
    string Code,
    string Name,
    StructureKind Kind,
    string? LevelCode,
    IReadOnlyList<string> ClassCodes);
