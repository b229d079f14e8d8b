using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>A level, as Core's <c>Level</c>.</summary>
/// <param name="Code">Short code (6E).</param>
/// <param name="Name">Label (6e).</param>
/// <param name="Order">Sort order.</param>
public sealed record LevelRecord(string Code, string Name, int Order);

/// <summary>A subject, as Core's <c>Subject</c>.</summary>
/// <param name="Code">CODE_MATIERE.</param>
/// <param name="Name">Short label.</param>
public sealed record SubjectRecord(string Code, string Name);

/// <summary>A class or group, as Core's <c>Structure</c>.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Label.</param>
/// <param name="Type">Class or group.</param>
/// <param name="LevelCode">Level, if known.</param>
/// <param name="ClassCodes">For a group, its classes.</param>
public sealed record StructureRecord(string Code, string Name, StructureType Type, string? LevelCode, IReadOnlyList<string> ClassCodes)
{
    /// <summary>Same content, the class lists compared item by item (records compare lists by reference).</summary>
    public bool SameAs(StructureRecord other) =>
        other is not null && Code == other.Code && Name == other.Name && Type == other.Type
        && LevelCode == other.LevelCode && ClassCodes.SequenceEqual(other.ClassCodes, StringComparer.Ordinal);
}

/// <summary>A pupil in a class or group, as Core's <c>StructureMembership</c>.</summary>
/// <param name="AccountId">The pupil's account.</param>
/// <param name="StructureCode">The class or group.</param>
public sealed record MembershipRecord(string AccountId, string StructureCode);

/// <summary>A responsable linked to a pupil, as Core's <c>ParentLink</c>.</summary>
/// <param name="ParentId">The responsable's account.</param>
/// <param name="PupilId">The pupil's account.</param>
/// <param name="LegalLevel">1 or 2 légal, 0 otherwise.</param>
public sealed record ParentLinkRecord(string ParentId, string PupilId, int LegalLevel);

/// <summary>A teacher teaching a subject to a class or group, as Core's <c>Teaching</c>.</summary>
/// <param name="TeacherId">The teacher's account.</param>
/// <param name="SubjectCode">The subject; empty for a professeur principal who has no service in the class.</param>
/// <param name="StructureCode">The class or group.</param>
/// <param name="ProfPrincipal">Whether the teacher is professeur principal of that class.</param>
public sealed record TeachingRecord(string TeacherId, string SubjectCode, string StructureCode, bool ProfPrincipal = false);
