using Microsoft.AspNetCore.Http;
using Preau.Core.Storage;

namespace Preau.Web.Mail;

/// <summary>French answers for what the mailbox store refuses.</summary>
internal static class MailErrors
{
    public const string MessageNotFound = "Message introuvable.";
    public const string FolderNotFound = "Dossier introuvable.";

    /// <summary>Runs a store operation; its refusal becomes 404 or 400 with a French message.</summary>
    public static IResult Run(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (MailboxStoreException e)
        {
            return Of(e);
        }
    }

    public static IResult Of(MailboxStoreException e) => e.Error switch
    {
        MailboxError.NotFound => ApiResults.NotFound(FolderNotFound),
        MailboxError.AlreadyExists => ApiResults.BadRequest("Un dossier porte déjà ce nom."),
        MailboxError.HasChildren => ApiResults.BadRequest("Ce dossier contient des sous-dossiers : supprimez-les d'abord."),
        _ => ApiResults.BadRequest("Nom de dossier refusé : il ne doit pas être vide, ni contenir de caractère de contrôle, ni dépasser 512 caractères."),
    };

    public static IResult TooBig(long max) =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"Message trop gros : au plus {max / (1024 * 1024)} Mo, pièces jointes comprises.");
}
