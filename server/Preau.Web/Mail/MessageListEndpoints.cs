using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Mail.Webmail;

namespace Preau.Web.Mail;

/// <summary><c>GET /api/mail/folders/{id}/messages?sort=&amp;order=&amp;offset=&amp;limit=&amp;q=&amp;unread=&amp;flagged=</c>:
/// a page of a folder, sorted and filtered, from the stored summaries (<see cref="MessageListing"/>).</summary>
internal static class MessageListEndpoints
{
    public const int MaxLimit = 200;
    public const int MaxOffset = 10_000_000;
    public const int MaxQueryLength = 200;

    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapGet("/folders/{id}/messages", (HttpContext context, string id) =>
        {
            if (Parse(context.Request.Query) is not { } query)
            {
                return ApiResults.BadRequest(
                    $"Paramètres : sort=date|from|subject|size, order=desc|asc, offset ≥ 0, limit de 1 à {MaxLimit}, q de {MaxQueryLength} caractères au plus, unread et flagged true|false.");
            }

            return MailErrors.Run(() =>
            {
                var page = api.Listing.Page(MailApiContext.Caller(context), id, query, context.RequestAborted);
                return Results.Json(new { page.Total, query.Offset, Items = page.Items.Select(MessageItem.Of) });
            });
        });
    }

    private static ListingQuery? Parse(IQueryCollection q)
    {
        ListingSort? sort = q["sort"].ToString() switch
        {
            "" or "date" => ListingSort.Date,
            "from" => ListingSort.From,
            "subject" => ListingSort.Subject,
            "size" => ListingSort.Size,
            _ => null,
        };
        bool? descending = q["order"].ToString() switch
        {
            "" or "desc" => true,
            "asc" => false,
            _ => null,
        };
        var offset = Int(q["offset"].ToString(), 0, 0, MaxOffset);
        var limit = Int(q["limit"].ToString(), 50, 1, MaxLimit);
        var text = q["q"].ToString();
        var unread = Bool(q["unread"].ToString());
        var flagged = Bool(q["flagged"].ToString());
        if (sort is null || descending is null || offset is null || limit is null || text.Length > MaxQueryLength || unread is null || flagged is null)
        {
            return null;
        }

        return new ListingQuery(sort.Value, descending.Value, offset.Value, limit.Value, string.IsNullOrWhiteSpace(text) ? null : text, unread.Value, flagged.Value);
    }

    private static int? Int(string text, int fallback, int min, int max) =>
        text.Length == 0 ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : null;

    private static bool? Bool(string text) => text switch
    {
        "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => null,
    };
}
