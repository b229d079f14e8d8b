using Preau.Core.Accounts;

namespace Preau.Core.Rights;

/// <summary>The services the core declares, the same way plugins do, and the names of their rights.</summary>
public static class CoreRights
{
    /// <summary>The owner of core services.</summary>
    public const string Owner = "core";

    /// <summary>Read one's mail (IMAP login, webmail).</summary>
    public const string MessagerieRead = "messagerie.read";

    /// <summary>Send mail (checked at MAIL FROM for every way in).</summary>
    public const string MessagerieSend = "messagerie.send";

    /// <summary>Write to addresses outside the school (checked per recipient, above the sending rules).</summary>
    public const string MessagerieSendExternal = "messagerie.send-external";

    /// <summary>Send targeted mail, beyond the per-message recipient limit.</summary>
    public const string SendTargeted = "communication.send-targeted";

    /// <summary>Publish home-page announcements.</summary>
    public const string PublishAnnouncement = "communication.publish-announcement";

    /// <summary>Load, enable and disable plugins.</summary>
    public const string AdminPlugins = "administration.plugins";

    /// <summary>Change the rights matrix.</summary>
    public const string AdminServices = "administration.services";

    /// <summary>Manage accounts.</summary>
    public const string AdminAccounts = "administration.accounts";

    /// <summary>Change the sending rules and switches.</summary>
    public const string AdminPolicy = "administration.policy";

    /// <summary>Read the audit log.</summary>
    public const string AdminAudit = "administration.audit";

    /// <summary>Grant and revoke delegated administration (never held through a delegation).</summary>
    public const string AdminDelegation = "administration.delegation";

    /// <summary>Record the school's ENT roles.</summary>
    public const string AdminRoles = "administration.roles";

    /// <summary>The administration service's id.</summary>
    public const string AdministrationService = "administration";

    private static readonly Grantee[] Everyone = Enum.GetValues<Profile>().Select(Grantee.ForProfile).ToArray();
    private static readonly Grantee[] Administrators = [Grantee.ForProfile(Profile.AdministrateurEnt)];

    /// <summary>Messagerie, Communication ciblée and Administration.</summary>
    public static IReadOnlyList<ServiceDefinition> Services { get; } =
    [
        new("messagerie", "Messagerie", Owner,
        [
            new("read", "Lire sa messagerie (IMAP, webmail)", Everyone),
            new("send", "Envoyer des messages", Everyone, "Retiré, le compte ne peut plus envoyer : chaque envoi est refusé avec le droit manquant. Les règles d'envoi s'appliquent en plus."),
            new("send-external", "Écrire à des adresses extérieures", Everyone, "Au-dessus des règles d'envoi : les élèves restent fermés à l'extérieur tant que la règle ne l'ouvre pas."),
        ]),
        new("communication", "Communication ciblée", Owner,
        [
            new("send-targeted", "Envoyer une communication ciblée (sans limite de destinataires)", [Grantee.ForFunction(StaffFunction.Direction), .. Administrators],
                "L'identité de publication du chef d'établissement (Personnel, Direction) et les administrateurs."),
            new("publish-announcement", "Publier une annonce sur la page d'accueil", [Grantee.ForFunction(StaffFunction.Direction), .. Administrators]),
        ]),
        new(AdministrationService, "Administration", Owner,
        [
            new("plugins", "Gérer les extensions", Administrators),
            new("services", "Gérer les services et les droits", Administrators, "Le profil Administrateurs ENT garde toujours ce droit."),
            new("accounts", "Gérer les comptes", Administrators),
            new("policy", "Gérer les règles d'envoi", Administrators),
            new("audit", "Consulter le journal d'audit", Administrators),
            new("delegation", "Déléguer l'administration à l'académie", Administrators, "Jamais détenu par délégation : un délégué ne prolonge ni ne transmet sa délégation."),
            new("roles", "Désigner les rôles numériques de l'établissement", Administrators),
        ]),
    ];

    /// <summary>The school's decisions about services that plugins bring (fiche élève, notes, sanctions,
    /// cahier de textes). They are in the matrix, switchable and checkable, before any plugin is
    /// installed; a plugin that declares one of these rights gets these grants as its defaults.</summary>
    public static IReadOnlyList<ServiceDefinition> SeedDecisions { get; } =
    [
        new("fiche-eleve", "Fiche élève", Owner,
        [
            new("read", "Consulter les fiches des élèves", [Grantee.ForProfile(Profile.Enseignant), .. Staff(StaffFunction.Direction, StaffFunction.Cpe, StaffFunction.VieScolaire)],
                "Décision de l'établissement : les enseignants lisent les fiches des élèves."),
        ]),
        new("notes", "Notes", Owner,
        [
            new("read-all", "Consulter les notes de tous les élèves", Staff(StaffFunction.Direction, StaffFunction.Cpe, StaffFunction.VieScolaire),
                "Décision de l'établissement : le CPE et la vie scolaire lisent les notes."),
        ]),
        new("sanctions", "Punitions et sanctions", Owner,
        [
            new("manage", "Gérer les punitions et sanctions", Staff(StaffFunction.Direction, StaffFunction.Cpe), "Décision de l'établissement : le CPE gère les sanctions."),
        ]),
        new("cahier-de-textes", "Cahier de textes", Owner,
        [
            new("read-all", "Lire le cahier de textes de tous les enseignants", Staff(StaffFunction.Direction, StaffFunction.Cpe),
                "Décision de l'établissement : la direction et le CPE ; l'assistant·e social·e, le ou la PsyEN et l'infirmier·e ne le lisent pas, sauf si vous le leur accordez."),
            new("read-rooms", "Lire le cahier de textes des salles", Staff(StaffFunction.Direction, StaffFunction.Cpe, StaffFunction.VieScolaire)),
        ]),
    ];

    private static Grantee[] Staff(params StaffFunction[] functions) => functions.Select(Grantee.ForFunction).ToArray();
}
