namespace Preau.Plugins.Graph;

/// <summary>A pupil belongs to a class or group.</summary>
/// <param name="PupilId">The pupil's account id.</param>
/// <param name="StructureCode">The class or group.</param>
public sealed record MembershipRecord(string PupilId, string StructureCode);

/// <summary>A responsable is linked to a pupil.</summary>
/// <param name="ParentId">The responsable's account id.</param>
/// <param name="PupilId">The pupil's account id.</param>
/// <param name="LegalLevel">1 or 2 for a legal guardian, 0 for "en charge" or contact.</param>
public sealed record ParentLinkRecord(string ParentId, string PupilId, int LegalLevel);

/// <summary>A teacher teaches a subject to a class or group (an STS service).</summary>
/// <param name="TeacherId">The teacher's account id.</param>
/// <param name="SubjectCode">The subject (may be empty when unknown).</param>
/// <param name="StructureCode">The class or group.</param>
/// <param name="ProfPrincipal">Whether the teacher is the class's professeur principal.</param>
public sealed record TeachingRecord(string TeacherId, string SubjectCode, string StructureCode, bool ProfPrincipal = false);

/// <summary>An account is a member of a rubrique.</summary>
/// <param name="RubriqueId">The rubrique.</param>
/// <param name="AccountId">The member.</param>
public sealed record RubriqueMemberRecord(string RubriqueId, string AccountId);
