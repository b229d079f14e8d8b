using Preau.Core.Accounts;

namespace Preau.Demo.Exports;

/// <summary>The STSweb FONCTION and GRADE of a member of staff, as the directory plugin reads them
/// back: ENS teacher; DIR, EDU (CPE), SUR (vie scolaire), DOC, ORI (PsyEN), ADF (secrétariat), OUV
/// (agents); MDS for the nurse and the social worker, told apart by a GRADE naming the social service.</summary>
internal static class StsFunctionCodes
{
    /// <summary>FONCTION and GRADE; throws for a profile or function STSweb cannot carry (the
    /// import would read it back as something else).</summary>
    public static (string Fonction, string Grade) Of(Account account) => (account.Profile, account.Function) switch
    {
        (Profile.Enseignant, StaffFunction.None) => ("ENS", "CERTIFIE"),
        (Profile.Personnel, StaffFunction.Direction) => ("DIR", "PERSONNEL DE DIRECTION"),
        (Profile.Personnel, StaffFunction.Cpe) => ("EDU", "CONSEILLER PRINCIPAL D'EDUCATION"),
        (Profile.Personnel, StaffFunction.VieScolaire) => ("SUR", "ASSISTANT D'EDUCATION"),
        (Profile.Personnel, StaffFunction.Documentaliste) => ("DOC", "CERTIFIE DOCUMENTATION"),
        (Profile.Personnel, StaffFunction.PsyEn) => ("ORI", "PSYCHOLOGUE EDUCATION NATIONALE"),
        (Profile.Personnel, StaffFunction.AssistantSocial) => ("MDS", "ASSISTANT DE SERVICE SOCIAL"),
        (Profile.Personnel, StaffFunction.Infirmier) => ("MDS", "INFIRMIER"),
        (Profile.Personnel, StaffFunction.Secretariat) => ("ADF", "ADJAENES"),
        (Profile.Personnel, StaffFunction.Agent) => ("OUV", "ADJOINT TECHNIQUE"),
        _ => throw new InvalidOperationException($"STSweb has no FONCTION for {account.Login} ({account.Profile}, {account.Function})"),
    };
}
