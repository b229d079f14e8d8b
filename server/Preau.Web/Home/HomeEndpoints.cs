using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Announcements;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;
using Preau.Web.Announcements;
using Preau.Web.Mail;

namespace Preau.Web.Home;

/// <summary><c>GET /api/home</c>: the newest messages of the caller's INBOX and the announcements shown to
/// their profile now.</summary>
internal static class HomeEndpoints
{
    /// <summary>How many recent messages the home page shows.</summary>
    public const int RecentCount = 10;

    public static void Map(IEndpointRouteBuilder routes, MailboxService mailboxes, AnnouncementService announcements, AnnouncementHtml html)
    {
        routes.MapGet("/api/home", (HttpContext context) =>
        {
            var caller = context.GetCaller()!;
            return Results.Json(new
            {
                Recent = Recent(mailboxes, caller).Select(e => MessageItem.Of(new ListedMessage(
                    e, PersonAddress.ParseList(e.Summary.From).FirstOrDefault(), PersonAddress.ParseList(e.Summary.To), MessageListing.DateOf(e)))),
                Announcements = announcements.VisibleTo(caller).Select(a => AnnouncementDto.Of(a, html)),
            });
        }).RequireSession();
    }

    /// <summary>The newest entries of INBOX (not marked deleted), newest first. Reads a window of UIDs below
    /// the next one, widened until it holds enough: a big INBOX is never read whole.</summary>
    internal static IReadOnlyList<MessageEntry> Recent(MailboxService mailboxes, Account account)
    {
        if (mailboxes.Find(account, DefaultMailboxes.Inbox) is not { } inbox || inbox.NextUid <= 1)
        {
            return [];
        }

        long last = inbox.NextUid - 1;
        for (long span = 32; ; span *= 4)
        {
            var after = (uint)Math.Max(0, last - span);
            var entries = mailboxes.MessagesAfter(account, inbox.Id, after).Where(e => !e.Flags.HasFlag(MessageFlags.Deleted)).ToArray();
            if (entries.Length >= RecentCount || after == 0)
            {
                return entries.OrderByDescending(e => e.Uid).Take(RecentCount).ToArray();
            }
        }
    }
}
