using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Web.Mail;

/// <summary><c>POST /api/mail/messages/flags|move|delete</c>: changes to several messages at once. Every id
/// must be the caller's, or nothing is done (404). Changes go through Core's <see cref="MailboxService"/>,
/// so IMAP sessions see them at once.</summary>
internal static class MessageActionEndpoints
{
    /// <summary>The most ids one request may name.</summary>
    public const int MaxIds = 1000;

    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapPost("/messages/flags", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<FlagsRequest>(context.Request, 256 * 1024);
            if (error is not null)
            {
                return error;
            }

            if (body!.Seen is null && body.Flagged is null)
            {
                return ApiResults.BadRequest("Indiquez « seen » ou « flagged » (true ou false).");
            }

            return Each(api, context, body.Ids, (account, mailboxId, uids) =>
            {
                var add = (body.Seen == true ? MessageFlags.Seen : 0) | (body.Flagged == true ? MessageFlags.Flagged : 0);
                var remove = (body.Seen == false ? MessageFlags.Seen : 0) | (body.Flagged == false ? MessageFlags.Flagged : 0);
                if (add != MessageFlags.None)
                {
                    api.Services.Mailboxes.UpdateFlags(account, mailboxId, uids, new FlagUpdate(FlagOperation.Add, add, []));
                }

                if (remove != MessageFlags.None)
                {
                    api.Services.Mailboxes.UpdateFlags(account, mailboxId, uids, new FlagUpdate(FlagOperation.Remove, remove, []));
                }
            });
        });

        mail.MapPost("/messages/move", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<MoveRequest>(context.Request, 256 * 1024);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrEmpty(body!.FolderId))
            {
                return ApiResults.BadRequest("Indiquez « folderId » : le dossier de destination.");
            }

            Mailbox target;
            try
            {
                target = api.Services.Mailboxes.Get(MailApiContext.Caller(context), body.FolderId);
            }
            catch (MailboxStoreException e)
            {
                return MailErrors.Of(e);
            }

            return Each(api, context, body.Ids, (account, mailboxId, uids) =>
            {
                if (mailboxId != target.Id)
                {
                    api.Services.Mailboxes.Copy(account, mailboxId, uids, target.Name, move: true);
                }
            });
        });

        mail.MapPost("/messages/delete", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<IdsRequest>(context.Request, 256 * 1024);
            if (error is not null)
            {
                return error;
            }

            var trash = api.Special(MailApiContext.Caller(context), SpecialUse.Trash);
            return Each(api, context, body!.Ids, (account, mailboxId, uids) => Delete(api, account, mailboxId, uids, trash));
        });
    }

    /// <summary>To Corbeille; from Corbeille, gone for good (flagged \Deleted and expunged, as IMAP does).</summary>
    public static void Delete(MailApiContext api, Account account, string mailboxId, IReadOnlyCollection<uint> uids, Mailbox trash)
    {
        if (mailboxId == trash.Id)
        {
            Expunge(api, account, mailboxId, uids);
        }
        else
        {
            api.Services.Mailboxes.Copy(account, mailboxId, uids, trash.Name, move: true);
        }
    }

    /// <summary>Removes messages for good.</summary>
    public static void Expunge(MailApiContext api, Account account, string mailboxId, IReadOnlyCollection<uint> uids)
    {
        api.Services.Mailboxes.UpdateFlags(account, mailboxId, uids, new FlagUpdate(FlagOperation.Add, MessageFlags.Deleted, []));
        api.Services.Mailboxes.Expunge(account, mailboxId, uids);
    }

    /// <summary>Checks the ids (all the caller's, or 404 and nothing done), then acts folder by folder.</summary>
    private static IResult Each(MailApiContext api, HttpContext context, IReadOnlyList<string>? ids, Action<Account, string, IReadOnlyCollection<uint>> action)
    {
        if (ids is null || ids.Count == 0 || ids.Count > MaxIds)
        {
            return ApiResults.BadRequest($"Indiquez « ids » : de 1 à {MaxIds} identifiants de messages.");
        }

        var account = MailApiContext.Caller(context);
        if (api.FindAll(account, ids) is not { } entries)
        {
            return ApiResults.NotFound(MailErrors.MessageNotFound);
        }

        return MailErrors.Run(() =>
        {
            foreach (var folder in entries.GroupBy(e => e.MailboxId, StringComparer.Ordinal))
            {
                action(account, folder.Key, folder.Select(e => e.Uid).ToArray());
            }

            return Results.NoContent();
        });
    }

    private sealed record IdsRequest(IReadOnlyList<string>? Ids);

    private sealed record FlagsRequest(IReadOnlyList<string>? Ids, bool? Seen, bool? Flagged);

    private sealed record MoveRequest(IReadOnlyList<string>? Ids, string? FolderId);
}
