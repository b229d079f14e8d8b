namespace Preau.Plugins.Directory.Model;

/// <summary>A teaching service (STSweb SERVICE/ENSEIGNANT): a teacher teaches a subject to a class or group.</summary>
/// <param name="StaffExternalId">The teacher's <see cref="ImportedStaff.ExternalId"/>.</param>
/// <param name="SubjectCode">SERVICE/@CODE_MATIERE.</param>
/// <param name="StructureCode">The DIVISION/@CODE or GROUPE/@CODE the service is under.</param>
/// <param name="StructureType">Whether it is under a DIVISION or a GROUPE.</param>
public sealed record ImportedService(string StaffExternalId, string SubjectCode, string StructureCode, StructureType StructureType);
