namespace Preau.Plugins.Directory.Model;

/// <summary>A pupil present in the school (SIECLE ELEVE without a past DATE_SORTIE).</summary>
/// <param name="EleveId">SIECLE ELEVE_ID, unique in the export.</param>
/// <param name="Ine">ID_NATIONAL (INE), when SIECLE has one.</param>
/// <param name="Elenoet">ELENOET, when present.</param>
/// <param name="LastName">NOM_USAGE, or NOM_DE_FAMILLE when there is no usage name.</param>
/// <param name="FirstName">PRENOM.</param>
/// <param name="MefCode">CODE_MEF, when present.</param>
/// <param name="ClassCode">The division (STRUCTURE of TYPE_STRUCTURE D), or null.</param>
/// <param name="GroupCodes">The groups (TYPE_STRUCTURE G), in code order.</param>
public sealed record ImportedPupil(
    string EleveId,
    string? Ine,
    string? Elenoet,
    string LastName,
    string FirstName,
    string? MefCode,
    string? ClassCode,
    IReadOnlyList<string> GroupCodes)
{
    /// <summary>The key an account keeps: the INE, or <see cref="SiecleKey"/> while SIECLE has none.</summary>
    public string ExternalId => Ine ?? SiecleKey;

    /// <summary><c>eleve:&lt;ELEVE_ID&gt;</c>, which also matches a pupil whose INE arrived after
    /// the account was made.</summary>
    public string SiecleKey => "eleve:" + EleveId;
}
