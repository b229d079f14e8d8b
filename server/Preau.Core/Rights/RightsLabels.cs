using Preau.Core.Accounts;

namespace Preau.Core.Rights;

/// <summary>French names of profiles, functions and ENT roles, as the matrix and the refusals show them.</summary>
public static class RightsLabels
{
    /// <summary>"profil Enseignants"…</summary>
    public static string Of(Profile profile) => "profil " + profile switch
    {
        Profile.Eleve => "Élèves",
        Profile.Responsable => "Responsables",
        Profile.Enseignant => "Enseignants",
        Profile.Personnel => "Personnels",
        Profile.AdministrateurEnt => "Administrateurs ENT",
        _ => profile.ToString(),
    };

    /// <summary>"fonction CPE"…</summary>
    public static string Of(StaffFunction function) => "fonction " + function switch
    {
        StaffFunction.Direction => "Direction",
        StaffFunction.Cpe => "CPE",
        StaffFunction.VieScolaire => "Vie scolaire",
        StaffFunction.Documentaliste => "Documentaliste",
        StaffFunction.PsyEn => "PsyEN",
        StaffFunction.AssistantSocial => "Assistant·e social·e",
        StaffFunction.Infirmier => "Infirmier·e",
        StaffFunction.Secretariat => "Secrétariat",
        StaffFunction.Agent => "Agents",
        StaffFunction.SupportAcademique => "Support académique (DANE)",
        _ => function.ToString(),
    };

    /// <summary>"Référent numérique"…</summary>
    public static string Of(EntRole role) => role switch
    {
        EntRole.AdministrateurEnt => "Administrateur ENT",
        EntRole.ReferentNumerique => "Référent numérique",
        EntRole.PersonneRessourceNumerique => "Personne ressource au numérique",
        _ => role.ToString(),
    };
}
