namespace Preau.Plugins.Directory.Model;

/// <summary>A professeur principal (STSweb INDIVIDU/PROFS_PRINC/PROF_PRINC).</summary>
/// <param name="StaffExternalId">The teacher's <see cref="ImportedStaff.ExternalId"/>.</param>
/// <param name="ClassCode">CODE_STRUCTURE, a division.</param>
public sealed record ImportedProfPrincipal(string StaffExternalId, string ClassCode);
