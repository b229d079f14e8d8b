namespace Preau.Core.Rights;

/// <summary>The per-school roles the académie records (its "ACA ORG" list). They are recorded and listed
/// so the académie knows whom to call; rights come from the matrix, not from these roles.</summary>
public enum EntRole
{
    /// <summary>Administrateur ENT of the school.</summary>
    AdministrateurEnt,

    /// <summary>Référent numérique.</summary>
    ReferentNumerique,

    /// <summary>Personne ressource au numérique.</summary>
    PersonneRessourceNumerique,
}
