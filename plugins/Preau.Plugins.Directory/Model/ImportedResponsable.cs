namespace Preau.Plugins.Directory.Model;

/// <summary>A responsable linked to at least one present pupil (SIECLE PERSONNE).</summary>
/// <param name="PersonneId">PERSONNE_ID, the account's external id.</param>
/// <param name="LastName">NOM_USAGE, or NOM_DE_FAMILLE.</param>
/// <param name="FirstName">PRENOM; empty for some bodies (ASE, a tutelle service).</param>
public sealed record ImportedResponsable(string PersonneId, string LastName, string FirstName)
{
    /// <summary>The key the account keeps.</summary>
    public string ExternalId => PersonneId;
}
