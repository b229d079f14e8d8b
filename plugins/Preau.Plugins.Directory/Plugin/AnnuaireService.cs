using Preau.Plugins.Graph;
using Preau.Plugins.Rights;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The plugin's service « annuaire » and its rights.</summary>
public static class AnnuaireService
{
    /// <summary>The service id.</summary>
    public const string Id = "annuaire";

    /// <summary>Search the directory and see cards (within the visibility rules).</summary>
    public const string Search = "annuaire.search";

    /// <summary>Import SIECLE and STSweb exports.</summary>
    public const string Import = "annuaire.import";

    /// <summary>Modify an account's card and external-services information.</summary>
    public const string Modify = "annuaire.modify";

    /// <summary>Suspend or reactivate accounts.</summary>
    public const string Suspend = "annuaire.suspend";

    /// <summary>See the rubriques a person belongs to (everyone may see their own).</summary>
    public const string Rubriques = "annuaire.rubriques";

    /// <summary>The core right that shows pupils' details (parents) to staff.</summary>
    public const string FicheEleve = "fiche-eleve.read";

    /// <summary>The core right over accounts: needed, besides the annuaire's, to modify or suspend an
    /// administrator's account.</summary>
    public const string AdminAccounts = "administration.accounts";

    /// <summary>The declaration, with default grants.</summary>
    public static ServiceDeclaration Declaration { get; } = new(Id, "Annuaire",
    [
        new ServiceActionDeclaration("search", "Rechercher dans l'annuaire", [.. Enum.GetValues<AccountProfile>().Select(GrantDeclaration.To)]),
        new ServiceActionDeclaration("import", "Importer SIECLE et STSweb", [GrantDeclaration.To(AccountProfile.AdministrateurEnt)]),
        new ServiceActionDeclaration("modify", "Modifier les fiches", [GrantDeclaration.To(AccountProfile.AdministrateurEnt)]),
        new ServiceActionDeclaration("suspend", "Suspendre et réactiver des comptes", [GrantDeclaration.To(AccountProfile.AdministrateurEnt)]),
        new ServiceActionDeclaration("rubriques", "Voir les rubriques d'une personne",
            [GrantDeclaration.To(AccountProfile.Personnel), GrantDeclaration.To(AccountProfile.Enseignant), GrantDeclaration.To(AccountProfile.AdministrateurEnt)],
            "Chacun voit toujours les rubriques dont il est membre."),
    ]);
}
