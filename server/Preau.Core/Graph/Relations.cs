namespace Preau.Core.Graph;

/// <summary>A pupil belongs to a class or group.</summary>
public sealed record StructureMembership(string PupilId, string StructureCode);

/// <summary>A responsable is linked to a pupil. Legal level 1 or 2 is légal, 0 en charge or contact.</summary>
public sealed record ParentLink(string ParentId, string PupilId, int LegalLevel);

/// <summary>A teacher teaches a subject to a class or group (an STS service).</summary>
public sealed record Teaching(string TeacherId, string SubjectCode, string StructureCode, bool ProfPrincipal = false);

/// <summary>An account is a member of a rubrique.</summary>
public sealed record RubriqueMembership(string RubriqueId, string AccountId);
