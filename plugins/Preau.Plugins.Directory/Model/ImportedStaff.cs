namespace Preau.Plugins.Directory.Model;

/// <summary>A member of staff or a teacher (STSweb INDIVIDU).</summary>
/// <param name="StsId">INDIVIDU/@ID.</param>
/// <param name="StsType">INDIVIDU/@TYPE: <c>epp</c> (national) or <c>local</c>.</param>
/// <param name="LastName">NOM_USAGE, or NOM_PATRONYMIQUE.</param>
/// <param name="FirstName">PRENOM.</param>
/// <param name="FunctionCode">FONCTION as STSweb gives it (ENS, DIR, EDU…), or null.</param>
/// <param name="Grade">GRADE, when present (it tells a nurse from a social worker).</param>
/// <param name="Kind"><see cref="PersonKind.Enseignant"/> or <see cref="PersonKind.Personnel"/>.</param>
/// <param name="Role">The function, <see cref="StaffRole.None"/> for teachers and unknown codes.</param>
public sealed record ImportedStaff(
    string StsId,
    string StsType,
    string LastName,
    string FirstName,
    string? FunctionCode,
    string? Grade,
    PersonKind Kind,
    StaffRole Role)
{
    /// <summary>The key the account keeps: the id for <c>epp</c> individuals, <c>local:&lt;id&gt;</c>
    /// for local ones (the two numberings may overlap).</summary>
    public string ExternalId => KeyOf(StsId, StsType);

    /// <summary>The external id of an STS individual or ENSEIGNANT reference.</summary>
    public static string KeyOf(string id, string? type) =>
        string.Equals(type, "local", StringComparison.OrdinalIgnoreCase) ? "local:" + id : id;
}
