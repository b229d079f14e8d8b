using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;
using Preau.Core.Rights;
using Preau.Core.Storage;
using Preau.Web.Sessions;

namespace Preau.Web.Mail;

/// <summary>The webmail's JSON API under <c>/api/mail</c> and <c>/api/events</c>: folders, lists, reading,
/// flags, moves, uploads, sending, drafts, recipients and live changes. Every endpoint needs a session and
/// the right <c>messagerie.read</c>; sending also <c>messagerie.send</c> (and Core checks it again, as for SMTP).</summary>
public static class MailApi
{
    /// <summary>Maps the endpoints on <paramref name="host"/> (before it starts).</summary>
    /// <param name="host">The HTTP host.</param>
    /// <param name="services">The Core services.</param>
    public static void Map(WebHost host, MailApiServices services)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(services);
        var context = new MailApiContext(
            services,
            new MessageListing(services.Mailboxes, services.Bus),
            new RecipientSuggestions(services.Directory, services.Policy),
            new UploadStore(Path.Combine(services.DataDirectory, "uploads"), UploadStore.LimitFor(services.Mail.MaxMessageSize), host.Sessions.Lifetime, services.Time));
        var mail = host.Routes.MapGroup("/api/mail").RequireRight(CoreRights.MessagerieRead);
        FolderEndpoints.Map(mail, context);
        MessageListEndpoints.Map(mail, context);
        MessageReadEndpoints.Map(mail, context);
        MessageBodyEndpoint.Map(mail, context);
        MessageActionEndpoints.Map(mail, context);
        UploadEndpoints.Map(mail, context);
        SendEndpoints.Map(mail, context);
        DraftEndpoints.Map(mail, context);
        RecipientEndpoints.Map(mail, context);
        EventEndpoints.Map(host.Routes, context);
    }
}

/// <summary>What every mail endpoint shares: the services and the per-process helpers.</summary>
internal sealed record MailApiContext(MailApiServices Services, MessageListing Listing, RecipientSuggestions Suggestions, UploadStore Uploads)
{
    /// <summary>The caller (the gate guarantees one on these endpoints).</summary>
    public static Account Caller(HttpContext context) => context.GetCaller()!;

    /// <summary>The caller's session.</summary>
    public static WebSession Session(HttpContext context) => context.GetSession()!;

    /// <summary>The caller's folder with this special use (the default set is created on first use).</summary>
    /// <remarks>The special use follows the name in the store, so the name is looked up first (a read);
    /// listing (which creates missing defaults, a write) only when it is missing.</remarks>
    public Mailbox Special(Account account, SpecialUse use) =>
        Services.Mailboxes.Find(account, DefaultMailboxes.NameOf(use)) is { } named && named.Use == use
            ? named
            : Services.Mailboxes.List(account).FirstOrDefault(m => m.Use == use)
                ?? throw new MailboxStoreException(MailboxError.NotFound, $"no {use} mailbox");

    /// <summary>One of the caller's messages by its API id, or null (unknown, malformed or someone else's).</summary>
    public MessageEntry? Find(Account account, string? id)
    {
        if (!MessageIds.TryParse(id, out var mailboxId, out var uid))
        {
            return null;
        }

        try
        {
            return Services.Mailboxes.Messages(account, mailboxId, [uid]).FirstOrDefault();
        }
        catch (MailboxStoreException e) when (e.Error == MailboxError.NotFound)
        {
            return null;
        }
    }

    /// <summary>Several messages by id, or null when any is not the caller's (then nothing is done).</summary>
    public IReadOnlyList<MessageEntry>? FindAll(Account account, IReadOnlyList<string> ids)
    {
        var wanted = new List<(string Mailbox, uint Uid)>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (!MessageIds.TryParse(id, out var mailboxId, out var uid))
            {
                return null;
            }

            wanted.Add((mailboxId, uid));
        }

        var found = new List<MessageEntry>(wanted.Count);
        try
        {
            foreach (var folder in wanted.GroupBy(w => w.Mailbox, StringComparer.Ordinal))
            {
                var uids = folder.Select(w => w.Uid).Distinct().ToArray();
                var entries = Services.Mailboxes.Messages(account, folder.Key, uids);
                if (entries.Count != uids.Length)
                {
                    return null;
                }

                found.AddRange(entries);
            }
        }
        catch (MailboxStoreException e) when (e.Error == MailboxError.NotFound)
        {
            return null;
        }

        return found;
    }
}
