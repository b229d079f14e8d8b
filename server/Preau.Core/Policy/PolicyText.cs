using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>The words of the policy's answers. Users are French, so refusals are French everywhere:
/// the webmail shows them as they are, and SMTP folds them to ASCII (RFC 5321 §4.2: "élève" →
/// "eleve"), which is why these texts use no typographic quotes or non-breaking spaces.</summary>
internal static class PolicyText
{
    public static string InvalidAddress(string? address) => $"'{address}' n'est pas une adresse valide";

    public static string NoSuchMailbox(string address) => $"{address} : aucune boîte aux lettres à cette adresse";

    public static string NoSuchList(string address) => $"{address} : aucune liste à cette adresse";

    public static string MayNotSend(Account sender) => $"{sender.Login} est {State(sender.State)} et ne peut pas envoyer de message";

    public static string ReceivesNoMail(Account recipient) => $"{recipient.Login} est {State(recipient.State)} et ne reçoit pas de message";

    public const string EmergencyStop = "l'envoi par les élèves est arrêté par l'administrateur (arrêt d'urgence)";

    public static string RelayDenied(string domain, string localDomain) =>
        $"relais vers {domain} refusé : ce serveur n'accepte que le courrier pour {localDomain}";

    public static string ListClosedToOutside(string address) =>
        $"{address} est une liste de l'établissement et ne reçoit pas de courrier de l'extérieur";

    public static string PupilClosedToOutside(Account pupil) =>
        $"{pupil.Login} est un élève et ne reçoit pas de courrier de l'extérieur de l'établissement (messagerie externe fermée)";

    public static string PupilMayNotWriteOutside(Account pupil) =>
        $"{pupil.Login} ne peut pas écrire hors de l'établissement : la messagerie externe est fermée pour les élèves";

    public static string MayNotWrite(Account sender, Account recipient, IReadOnlyList<SendingRule>? near) =>
        $"{sender.Login} ne peut pas écrire à {recipient.Login} : " + (near is null
            ? $"aucune règle ne permet à un {Label(sender)} d'écrire à un {Label(recipient)}"
            : string.Join("; ", near.Select(r => $"{r.Description} ({r.Id})")));

    public static string MayNotUseList(Account sender, string listName, ListKind kind, IReadOnlyList<ListRule> rules) =>
        $"{sender.Login} ne peut pas utiliser la liste {listName} : " + (rules.Count == 0
            ? $"aucune règle de liste ne permet à un {Label(sender)} d'utiliser les listes {Kind(kind)}"
            : string.Join("; ", rules.Select(r => $"{r.Description} ({r.Id})")));

    public static string MayNotUseProvidedList(Account? sender, string listName, string why) =>
        $"{sender?.Login ?? "le système"} ne peut pas utiliser la liste {listName} : {why}";

    public static string ListUnavailable(string listName, string why) => $"la liste {listName} est indisponible : {why}";

    public static string ListMemberRefused(string listName, string refusal) => $"liste {listName} : {refusal}";

    public static string ListAccepted(string listName, int count) => $"liste {listName} : {count} destinataire(s)";

    /// <summary>A profile, with the function when there is one ("Personnel (CPE)").</summary>
    public static string Label(Account account) => account.Function == StaffFunction.None
        ? Profile(account.Profile)
        : $"{Profile(account.Profile)} ({Function(account.Function)})";

    public static string Profile(Profile profile) => profile switch
    {
        Accounts.Profile.Eleve => "élève",
        Accounts.Profile.Responsable => "responsable",
        Accounts.Profile.Enseignant => "enseignant",
        Accounts.Profile.Personnel => "personnel",
        _ => "administrateur ENT",
    };

    public static string Function(StaffFunction function) => function switch
    {
        StaffFunction.Direction => "direction",
        StaffFunction.Cpe => "CPE",
        StaffFunction.VieScolaire => "vie scolaire",
        StaffFunction.Documentaliste => "documentaliste",
        StaffFunction.PsyEn => "PsyEN",
        StaffFunction.AssistantSocial => "service social",
        StaffFunction.Infirmier => "infirmerie",
        StaffFunction.Secretariat => "secrétariat",
        StaffFunction.Agent => "agent",
        StaffFunction.SupportAcademique => "support académique",
        _ => "aucune",
    };

    private static string Kind(ListKind kind) => kind switch
    {
        ListKind.Pupils => "d'élèves",
        ListKind.Parents => "de parents",
        ListKind.Teachers => "d'enseignants",
        _ => "de rubrique",
    };

    private static string State(AccountState state) => state switch
    {
        AccountState.Suspended => "suspendu",
        AccountState.Left => "sorti de l'établissement",
        AccountState.NotActivated => "non activé",
        _ => "actif",
    };
}
